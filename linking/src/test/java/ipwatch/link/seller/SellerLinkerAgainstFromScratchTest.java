package ipwatch.link.seller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The incremental linker, whose hub rebuild only takes apart the clusters the hub touched, against clusters computed
 * from scratch from everything observed so far: after every observation both must agree, and every account whose
 * cluster id changed must be among the links the observation answered.
 */
class SellerLinkerAgainstFromScratchTest {
  private static final int MAX_SELLERS = 4;
  private static final int MIN_SHARED_IMAGES = 2;
  private final SellerSettings settings = new SellerSettings("US", MAX_SELLERS, MIN_SHARED_IMAGES, Map.of());

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void incrementalClustersEqualClustersFromScratchAfterEveryObservation(long seed) {
    Random random = new Random(seed);
    SellerLinker linker = new SellerLinker(settings);
    Map<String, Set<Identifier>> seen = new HashMap<>();
    Map<String, String> before = new HashMap<>();
    int hubs = 0;
    for (int step = 0; step < 600; step++) {
      String seller = "m:" + random.nextInt(60);
      Set<Identifier> ids = new HashSet<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        int n = random.nextInt(40);
        ids.add(new Identifier(n % 3 == 0 ? IdentifierType.EMAIL : IdentifierType.IMAGE, "id-" + n));
      }
      seen.computeIfAbsent(seller, s -> new HashSet<>()).addAll(ids);

      List<SellerLink> answered = linker.observe(seller, ids);

      Map<String, String> expected = fromScratch(seen);
      Map<String, String> actual = new HashMap<>();
      for (String s : seen.keySet()) {
        actual.put(s, linker.clusterId(s));
      }
      assertEquals(expected, actual, "seed " + seed + ", step " + step);
      Set<String> announced = new HashSet<>();
      answered.forEach(l -> announced.add(l.sellerId()));
      for (Map.Entry<String, String> e : actual.entrySet()) {
        if (!e.getValue().equals(before.get(e.getKey()))) {
          assertTrue(announced.contains(e.getKey()),
              "seed " + seed + ", step " + step + ": " + e.getKey() + " changed cluster unannounced");
        }
      }
      before = actual;
    }
    for (int n = 0; n < 40; n++) {
      if (linker.isHub(new Identifier(n % 3 == 0 ? IdentifierType.EMAIL : IdentifierType.IMAGE, "id-" + n))) {
        hubs++;
      }
    }
    assertTrue(hubs > 0, "the sequence must cross the hub limit for the rebuild to be tested");
  }

  /** Clusters by definition: hubs link nobody, e-mails link their holders, images once a pair shares enough. */
  private static Map<String, String> fromScratch(Map<String, Set<Identifier>> seen) {
    Map<Identifier, Set<String>> holders = new HashMap<>();
    seen.forEach((s, ids) -> ids.forEach(id -> holders.computeIfAbsent(id, k -> new TreeSet<>()).add(s)));
    UnionFind uf = new UnionFind();
    seen.keySet().forEach(uf::add);
    Map<String, Integer> sharedImages = new HashMap<>();
    for (Map.Entry<Identifier, Set<String>> e : holders.entrySet()) {
      if (e.getValue().size() > MAX_SELLERS) {
        continue;
      }
      List<String> members = new ArrayList<>(e.getValue());
      for (int i = 0; i < members.size(); i++) {
        for (int j = 0; j < i; j++) {
          if (e.getKey().type() == IdentifierType.IMAGE) {
            sharedImages.merge(members.get(j) + "\n" + members.get(i), 1, Integer::sum);
          } else {
            uf.union(members.get(i), members.get(j));
          }
        }
      }
    }
    sharedImages.forEach((pair, n) -> {
      if (n >= MIN_SHARED_IMAGES) {
        String[] ab = pair.split("\n");
        uf.union(ab[0], ab[1]);
      }
    });
    Map<String, String> out = new HashMap<>();
    seen.keySet().forEach(s -> out.put(s, SellerLinker.idOf(uf.smallest(s))));
    return out;
  }
}
