package ipwatch.link.seller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SellerLinkerTest {
  private final SellerSettings settings = new SellerSettings("US", 3, 2, Map.of());
  private final SellerLinker linker = new SellerLinker(settings);

  private static Identifier email(String v) {
    return new Identifier(IdentifierType.EMAIL, v);
  }

  private static Identifier phone(String v) {
    return new Identifier(IdentifierType.PHONE, v);
  }

  private static Identifier image(String v) {
    return new Identifier(IdentifierType.IMAGE, v);
  }

  @Test
  void clustersMergeTransitivelyAndKeepTheIdOfTheSmallestSellerWhenALaterLinkJoinsTwoClusters() {
    linker.observe("ebay:b", Set.of(email("x@a.com")));
    linker.observe("amazon:a", Set.of(email("x@a.com")));
    linker.observe("taobao:z", Set.of(phone("+8613800000000")));
    linker.observe("taobao:y", Set.of(phone("+8613800000000")));
    String left = linker.clusterId("amazon:a");
    String right = linker.clusterId("taobao:y");
    assertEquals(left, linker.clusterId("ebay:b"));
    assertNotEquals(left, right);

    List<SellerLink> changed = linker.observe("jd:c", Set.of(email("x@a.com"), phone("+8613800000000")));

    assertEquals(left, linker.clusterId("taobao:z"), "the merged cluster keeps the id of the smallest key");
    assertEquals(left, linker.clusterId("jd:c"));
    assertEquals(Set.of("jd:c", "taobao:y", "taobao:z"),
        Set.copyOf(changed.stream().map(SellerLink::sellerId).toList()), "only renamed accounts are re-announced");
  }

  @Test
  void theClusterIdDoesNotDependOnArrivalOrder() {
    SellerLinker other = new SellerLinker(settings);
    other.observe("taobao:y", Set.of(phone("+1")));
    other.observe("amazon:a", Set.of(phone("+1")));
    linker.observe("amazon:a", Set.of(phone("+1")));
    linker.observe("taobao:y", Set.of(phone("+1")));
    assertEquals(linker.clusterId("taobao:y"), other.clusterId("taobao:y"));
  }

  @Test
  void aHubIdentifierDoesNotMergeUnrelatedSellersEvenAfterItHadLinkedSome() {
    Identifier support = email("support@marketplace.example");
    linker.observe("m:1", Set.of(support));
    linker.observe("m:2", Set.of(support));
    assertEquals(linker.clusterId("m:1"), linker.clusterId("m:2"), "two sellers sharing an e-mail are linked");
    linker.observe("m:3", Set.of(support));
    List<SellerLink> changed = linker.observe("m:4", Set.of(support));

    assertTrue(linker.isHub(support));
    assertEquals(4, Set.of(linker.clusterId("m:1"), linker.clusterId("m:2"), linker.clusterId("m:3"),
        linker.clusterId("m:4")).size());
    assertTrue(changed.stream().anyMatch(l -> l.sellerId().equals("m:2")), "the undone link is announced");
  }

  @Test
  void oneSharedImageIsNotEnoughButTwoAreAndEvidenceNamesTheOtherSeller() {
    linker.observe("m:1", Set.of(image("aa"), image("bb")));
    linker.observe("m:2", Set.of(image("aa")));
    assertNotEquals(linker.clusterId("m:1"), linker.clusterId("m:2"));
    linker.observe("m:2", Set.of(image("bb")));
    assertEquals(linker.clusterId("m:1"), linker.clusterId("m:2"));
    SellerLink link = linker.link("m:2");
    assertTrue(link.evidence().stream().allMatch(e -> e.otherSellerId().equals("m:1") && e.identifierType().equals("IMAGE")));
    assertEquals(2, link.evidence().size());
  }
}
