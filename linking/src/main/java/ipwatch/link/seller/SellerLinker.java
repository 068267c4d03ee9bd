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
 * limit, crossing it rebuilds the components it touched from the remaining evidence: only the clusters of the
 * hub's holders, so the cost follows their size, not the whole state. (Rebuilding everything made stock product images
 * shared by many sellers - a hub each - the seller-linking job's largest cost under load.)
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
    Set<String> touchedByHubs = new HashSet<>();
    for (Identifier id : identifiers) {
      if (!known.add(id) || hubs.contains(id)) {
        continue;
      }
      Set<String> others = holders.computeIfAbsent(id, k -> new HashSet<>());
      others.add(sellerKey);
      if (others.size() > settings.maxSellersPerIdentifier()) {
        hubs.add(id);
        holders.remove(id);
        touchedByHubs.addAll(others);
      } else if (touchedByHubs.isEmpty()) {
        for (String other : others) {
          if (!other.equals(sellerKey) && linkedThrough(id, sellerKey, other, true)) {
            merge(sellerKey, other, changed);
          }
        }
      }
    }
    if (!touchedByHubs.isEmpty()) {
      return rebuild(touchedByHubs, changed);
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
    String pair = pairKey(a, b);
    int n = count ? sharedImages.merge(pair, 1, Integer::sum) : sharedImages.getOrDefault(pair, 0);
    return n >= settings.minSharedImages();
  }

  private void merge(String a, String b, Set<String> changed) {
    changed.addAll(components.union(a, b));
  }

  /**
   * Rebuilds the clusters holding {@code touched} (the holders of identifiers that just became hubs) from the evidence
   * that is left and answers the links of {@code changedBefore} (merged earlier in this observation), of the rebuilt
   * accounts whose cluster id changed, and of accounts elsewhere renamed by a join. Only those clusters are taken
   * apart: every link of their accounts stays inside them, except links the current observation had not yet merged.
   */
  private List<SellerLink> rebuild(Set<String> touched, Set<String> changedBefore) {
    Map<String, String> old = new HashMap<>();
    Set<String> affected = new HashSet<>();
    for (String key : touched) {
      if (components.contains(key) && !affected.contains(key)) {
        for (String member : components.membersOf(key)) {
          old.put(member, clusterId(member));
        }
        affected.addAll(components.removeSetOf(key));
      }
    }
    affected.forEach(components::add);
    // image pairs of the rebuilt accounts are counted afresh, without the hubs (pairs among the hubs' holders may
    // have shared nothing but a hub image)
    List<String> holdersOfHubs = new ArrayList<>(touched);
    for (int i = 0; i < holdersOfHubs.size(); i++) {
      for (int j = 0; j < i; j++) {
        sharedImages.remove(pairKey(holdersOfHubs.get(i), holdersOfHubs.get(j)));
      }
    }
    for (String a : affected) {
      for (Identifier id : identifiersOf.getOrDefault(a, Set.of())) {
        if (id.type() == IdentifierType.IMAGE) {
          for (String b : holders.getOrDefault(id, Set.of())) {
            sharedImages.remove(pairKey(a, b));
          }
        }
      }
    }
    Set<String> report = new LinkedHashSet<>(changedBefore);
    for (String a : affected) {
      for (Identifier id : identifiersOf.getOrDefault(a, Set.of())) {
        for (String b : holders.getOrDefault(id, Set.of())) {
          // each pair once per shared identifier: from the larger key when both are rebuilt
          if (b.equals(a) || (affected.contains(b) && b.compareTo(a) > 0)) {
            continue;
          }
          if (linkedThrough(id, a, b, true)) {
            for (String renamed : components.union(a, b)) {
              if (!affected.contains(renamed)) { // the rebuilt ones are compared with their old id below
                report.add(renamed);
              }
            }
          }
        }
      }
    }
    for (String key : affected) {
      if (!clusterId(key).equals(old.get(key))) {
        report.add(key);
      }
    }
    return report.stream().map(this::link).toList();
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\n" + b : b + "\n" + a;
  }
}
