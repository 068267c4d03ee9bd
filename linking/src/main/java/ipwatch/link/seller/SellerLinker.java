package ipwatch.link.seller;

import ipwatch.model.Hashes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incremental connected components of seller accounts linked by shared identifiers. Each {@link #observe} returns
 * the {@link SellerLink}s that changed: the observed account and every account whose cluster id moved because two
 * clusters merged.
 *
 * <p>Cluster id = {@code op-} + a hash of the smallest seller key in the cluster: a function of the membership
 * only, so it is the same whatever order listings arrive in. When two clusters merge, the one holding the smaller
 * key keeps its id and only the other side's accounts are re-announced.
 *
 * <p>Hub guard: an identifier seen on more than {@code maxSellersPerIdentifier} accounts (a marketplace's support
 * address, a placeholder image) links nobody. Because it may already have linked accounts before it crossed the
 * limit, crossing it rebuilds the components from the remaining evidence (rare; linear in the state size).
 */
public final class SellerLinker {
  private static final int MAX_EVIDENCE = 20;
  private final SellerSettings settings;
  private final Map<Identifier, Set<String>> holders = new HashMap<>();
  private final Set<Identifier> hubs = new HashSet<>();
  private final Map<String, Set<Identifier>> identifiersOf = new HashMap<>();
  private final Map<String, Integer> sharedImages = new HashMap<>();
  private UnionFind components = new UnionFind();

  public SellerLinker(SellerSettings settings) {
    this.settings = settings;
  }

  /** Records what a listing showed for {@code sellerKey}; answers the links that are new or changed. */
  public List<SellerLink> observe(String sellerKey, Set<Identifier> identifiers) {
    Set<String> changed = new LinkedHashSet<>();
    changed.add(sellerKey);
    components.add(sellerKey);
    Set<Identifier> known = identifiersOf.computeIfAbsent(sellerKey, k -> new HashSet<>());
    boolean rebuild = false;
    for (Identifier id : identifiers) {
      if (!known.add(id) || hubs.contains(id)) {
        continue;
      }
      Set<String> others = holders.computeIfAbsent(id, k -> new HashSet<>());
      others.add(sellerKey);
      if (others.size() > settings.maxSellersPerIdentifier()) {
        hubs.add(id);
        holders.remove(id);
        rebuild = true;
      } else if (!rebuild) {
        for (String other : others) {
          if (!other.equals(sellerKey) && linkedThrough(id, sellerKey, other, true)) {
            merge(sellerKey, other, changed);
          }
        }
      }
    }
    if (rebuild) {
      return rebuild();
    }
    return changed.stream().map(this::link).toList();
  }

  /** The current link of an account (its own cluster when nothing connects it). */
  public SellerLink link(String sellerKey) {
    List<SellerLink.Evidence> evidence = new ArrayList<>();
    for (Identifier id : identifiersOf.getOrDefault(sellerKey, Set.of())) {
      for (String other : holders.getOrDefault(id, Set.of())) {
        if (evidence.size() < MAX_EVIDENCE && !other.equals(sellerKey) && linkedThrough(id, sellerKey, other, false)) {
          evidence.add(new SellerLink.Evidence(id.type().name(), id.masked(), id.hash(), other));
        }
      }
    }
    return new SellerLink(sellerKey, clusterId(sellerKey), evidence);
  }

  public String clusterId(String sellerKey) {
    return components.contains(sellerKey) ? idOf(components.smallest(sellerKey)) : idOf(sellerKey);
  }

  /** Every known account and its cluster id. */
  public Map<String, String> clusters() {
    Map<String, String> out = new HashMap<>();
    for (String key : components.keys()) {
      out.put(key, clusterId(key));
    }
    return out;
  }

  public boolean isHub(Identifier id) {
    return hubs.contains(id);
  }

  static String idOf(String smallestKey) {
    return "op-" + Hashes.shortId(smallestKey).substring(0, 16);
  }

  /** Strong identifiers link at once; images only once the pair shares {@code minSharedImages} of them. */
  private boolean linkedThrough(Identifier id, String a, String b, boolean count) {
    if (id.type() != IdentifierType.IMAGE) {
      return true;
    }
    String pair = a.compareTo(b) < 0 ? a + "\n" + b : b + "\n" + a;
    int n = count ? sharedImages.merge(pair, 1, Integer::sum) : sharedImages.getOrDefault(pair, 0);
    return n >= settings.minSharedImages();
  }

  private void merge(String a, String b, Set<String> changed) {
    changed.addAll(components.union(a, b));
  }

  private List<SellerLink> rebuild() {
    Map<String, String> old = clusters();
    components = new UnionFind();
    sharedImages.clear();
    identifiersOf.keySet().forEach(components::add);
    for (Map.Entry<Identifier, Set<String>> e : holders.entrySet()) {
      List<String> members = new ArrayList<>(e.getValue());
      for (int i = 0; i < members.size(); i++) {
        for (int j = 0; j < i; j++) {
          if (linkedThrough(e.getKey(), members.get(i), members.get(j), true)) {
            components.union(members.get(i), members.get(j));
          }
        }
      }
    }
    List<SellerLink> out = new ArrayList<>();
    for (String key : identifiersOf.keySet()) {
      if (!clusterId(key).equals(old.get(key))) {
        out.add(link(key));
      }
    }
    return out;
  }
}
