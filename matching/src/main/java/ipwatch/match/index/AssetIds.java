package ipwatch.match.index;

import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Asset ids to the int ids of an index's entries, 8 bytes a mark in one {@code long[]} instead of a
 * {@code HashMap<String, Integer>} entry (about 56 bytes a mark with its boxed value). The index owns the strings:
 * lookups verify every candidate id through {@code assetIdOf}, which answers null for removed entries, so a stale or
 * colliding slot is never returned.
 */
public final class AssetIds {
  private final LongIntMultiMap ids = new LongIntMultiMap(1024);
  private final IntFunction<String> assetIdOf;

  public AssetIds(IntFunction<String> assetIdOf) {
    this.assetIdOf = assetIdOf;
  }

  public void put(String assetId, int id) {
    ids.put(StringHash.of(assetId), id);
  }

  /** The live id of the asset, or -1. */
  public int get(String assetId) {
    long key = StringHash.of(assetId);
    for (int s = ids.first(key); s >= 0; s = ids.next(key, s)) {
      int id = ids.value(s);
      if (assetId.equals(assetIdOf.apply(id))) {
        return id;
      }
    }
    return -1;
  }

  /** Drops the slots of ids {@code dead} accepts. */
  public void compact(IntPredicate dead) {
    ids.compact(dead);
  }
}
