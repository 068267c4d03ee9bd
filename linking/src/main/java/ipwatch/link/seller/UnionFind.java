package ipwatch.link.seller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Union-find over seller keys with path halving and union by size, tracking the smallest key of each set. The
 * smallest key is the cluster's name: it depends only on which accounts are in the cluster, never on the order in
 * which links arrived, so a replay, a batch run and a partitioned job agree on it.
 */
final class UnionFind {
  private final Map<String, String> parent = new HashMap<>();
  private final Map<String, Integer> size = new HashMap<>();
  private final Map<String, String> min = new HashMap<>();
  private final Map<String, List<String>> members = new HashMap<>();

  void add(String key) {
    if (parent.putIfAbsent(key, key) == null) {
      size.put(key, 1);
      min.put(key, key);
      members.put(key, new ArrayList<>(List.of(key)));
    }
  }

  boolean contains(String key) {
    return parent.containsKey(key);
  }

  String find(String key) {
    String k = key;
    while (true) {
      String p = parent.get(k);
      String gp = parent.get(p);
      if (p.equals(k)) {
        return k;
      }
      parent.put(k, gp);
      k = gp;
    }
  }

  /**
   * Joins the sets of {@code a} and {@code b}; answers the keys whose smallest key (cluster name) changed, which is
   * the side that did not hold the overall smallest key (empty when they were already together).
   */
  List<String> union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (ra.equals(rb)) {
      return List.of();
    }
    List<String> renamed = List.copyOf(min.get(ra).compareTo(min.get(rb)) < 0 ? members.get(rb) : members.get(ra));
    if (size.get(ra) < size.get(rb)) {
      String t = ra;
      ra = rb;
      rb = t;
    }
    parent.put(rb, ra);
    size.put(ra, size.get(ra) + size.remove(rb));
    String mb = min.remove(rb);
    if (mb.compareTo(min.get(ra)) < 0) {
      min.put(ra, mb);
    }
    members.get(ra).addAll(members.remove(rb));
    return renamed;
  }

  /** Every key in the set of {@code key}. */
  List<String> membersOf(String key) {
    return List.copyOf(members.get(find(key)));
  }

  /** Takes out the whole set of {@code key}; every other set stays as it was. Answers the keys taken out. */
  List<String> removeSetOf(String key) {
    String root = find(key);
    List<String> out = members.remove(root);
    size.remove(root);
    min.remove(root);
    out.forEach(parent::remove);
    return out;
  }

  /** The smallest key in the set of {@code key}. */
  String smallest(String key) {
    return min.get(find(key));
  }

  Iterable<String> keys() {
    return parent.keySet();
  }
}
