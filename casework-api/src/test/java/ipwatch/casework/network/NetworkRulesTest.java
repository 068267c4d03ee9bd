package ipwatch.casework.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.auth.Organisation;
import ipwatch.casework.auth.Role;
import ipwatch.model.AssetType;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The framework-free rules of issue 7: priority input, relisting origin, labels per role, the graph. */
class NetworkRulesTest {
  private static Caller caller(Role role, String marketplace) {
    return new Caller("u", new Organisation("org-x", "X", role, marketplace, List.of("US")));
  }

  @Test
  void anUpheldCaseInTheNetworkGivesTheFullRepeatSellerInputAndEarlierCasesCountAsBefore() {
    assertEquals(0, RepeatInfringers.priorityInput(0, 0));
    assertEquals(2, RepeatInfringers.priorityInput(2, 0));
    assertEquals(RepeatInfringers.REPEAT_INFRINGER_INPUT, RepeatInfringers.priorityInput(1, 1));
    assertEquals(9, RepeatInfringers.priorityInput(9, 3));
  }

  @Test
  void aRelistingFlagNamesItsEarlierCaseAndOtherFlagsNameNone() {
    UUID earlier = UUID.randomUUID();
    Flag.Signal of = new Flag.Signal("RELISTING_OF", 0.9, "near-duplicate of listing l-1 (https://x/1) taken down in"
        + " case " + earlier + " at 2026-11-20T09:00:00Z");
    assertEquals(Optional.of(earlier), RelistingLinks.earlierCase(flag(FlagKind.RELISTING, of)));
    assertEquals(Optional.empty(), RelistingLinks.earlierCase(flag(FlagKind.BRAND_USE, of)));
    assertEquals(Optional.empty(), RelistingLinks.earlierCase(flag(FlagKind.RELISTING,
        new Flag.Signal("RELISTING_OF", 0.9, "taken down in case not-a-uuid"))));
  }

  private static Flag flag(FlagKind kind, Flag.Signal signal) {
    return new Flag("f", "l-2", "tm", AssetType.TRADEMARK, "org", kind, 0.9, List.of(signal), null,
        Instant.parse("2026-11-21T10:00:00Z"), "t", null);
  }

  @Test
  void sellersAreMaskedForRightsHoldersAndForPlatformsOutsideTheirOwnMarketplace() {
    String own = "demo-market:demo-market:shady-seller";
    String other = "other-market:other-market:quick-shop";
    assertEquals(own, SellerLabels.forCaller(caller(Role.REGULATOR, null)).apply(own));
    assertEquals(own, SellerLabels.forCaller(caller(Role.COURT, null)).apply(own));
    assertEquals(own, SellerLabels.forCaller(caller(Role.PLATFORM, "demo-market")).apply(own));
    assertEquals("other-market:o***", SellerLabels.forCaller(caller(Role.PLATFORM, "demo-market")).apply(other));
    assertEquals("demo-market:d***", SellerLabels.forCaller(caller(Role.RIGHTS_HOLDER, null)).apply(own));
  }

  @Test
  void theGraphHasOneEdgePerPairAndKindAndHidesTheAccountKeysBehindOpaqueIds() {
    String a = "m1:m1:a";
    String b = "m2:m2:b";
    Map<String, JsonArray> evidence = new LinkedHashMap<>();
    evidence.put(a, new JsonArray().add(ev("PHONE", b)).add(ev("EMAIL", b)).add(ev("EMAIL", "gone:gone:c")));
    evidence.put(b, new JsonArray().add(ev("PHONE", a)));
    JsonObject g = NetworkGraph.of("op-1", evidence, Map.of(a, new NetworkGraph.CaseCounts(3, true)),
        SellerLabels::masked);
    assertEquals(2, g.getJsonArray("nodes").size());
    JsonObject first = g.getJsonArray("nodes").getJsonObject(0);
    assertEquals(3, first.getLong("caseCount"));
    assertTrue(first.getBoolean("repeatInfringer"));
    assertEquals("m1", first.getString("platform"));
    assertFalse(g.getJsonArray("nodes").getJsonObject(1).getBoolean("repeatInfringer"));
    assertEquals(2, g.getJsonArray("edges").size(), "PHONE once (seen from both sides) and EMAIL; c is not shown");
    assertFalse(g.encode().contains("m1:m1:a"), g.encode());
    assertNotEquals(NetworkGraph.nodeId(a), NetworkGraph.nodeId(b));
    assertTrue(NetworkGraph.score("EMAIL") > NetworkGraph.score("IMAGE"));
  }

  private static JsonObject ev(String type, String other) {
    return new JsonObject().put("identifierType", type).put("value", "x***").put("valueHash", "h")
        .put("otherSellerId", other);
  }
}
