package ipwatch.link.dup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds candidate pairs without comparing all pairs: LSH banding (the signature cut into {@code bands} bands of
 * {@code rows} values; listings with one equal band share a bucket) plus one bucket per model-number stem, because
 * two shops describing one product in different words often share little text but the model number. A bucket that
 * grows past {@code maxBucketSize} is a common-word or common-code bucket and is no longer consulted.
 */
public final class CandidateIndex {
  private final int bands;
  private final int rows;
  private final int maxBucketSize;
  private final Map<Object, List<ListingProfile>> buckets = new HashMap<>();

  public CandidateIndex(DuplicateSettings settings) {
    this.bands = settings.bands();
    this.rows = settings.rows();
    this.maxBucketSize = settings.maxBucketSize();
  }

  /** The indexed listings that share a bucket with {@code p}, then {@code p} is indexed too. */
  public Set<ListingProfile> addAndCandidates(ListingProfile p) {
    Set<ListingProfile> out = new LinkedHashSet<>();
    for (Object key : keys(p)) {
      List<ListingProfile> bucket = buckets.computeIfAbsent(key, k -> new ArrayList<>(2));
      if (bucket.size() <= maxBucketSize) {
        out.addAll(bucket);
        bucket.add(p);
      }
    }
    out.remove(p);
    return out;
  }

  /**
   * The buckets {@code p} falls in, as strings ({@code lsh:<band hash>}, {@code model:<stem>}): a partitioned job keys
   * its candidate state by these, so two listings meet in a partition exactly when this index would propose them.
   */
  public List<String> bucketKeys(ListingProfile p) {
    List<String> out = new ArrayList<>();
    for (Object key : keys(p)) {
      out.add(key instanceof Long h ? "lsh:" + Long.toHexString(h) : "model:" + key);
    }
    return out;
  }

  /** Buckets that grew past this are no longer consulted. */
  public int maxBucketSize() {
    return maxBucketSize;
  }

  private List<Object> keys(ListingProfile p) {
    List<Object> keys = new ArrayList<>(bands + 4);
    long[] sig = p.signature();
    for (int b = 0; b < bands; b++) {
      long h = b;
      for (int r = 0; r < rows; r++) {
        h = MinHasher.fmix(h * 31 + sig[b * rows + r]);
      }
      keys.add(h);
    }
    Set<String> stems = new LinkedHashSet<>();
    for (String code : p.textModels().strong()) {
      stems.add(ModelNumbers.stem(code));
    }
    for (String code : p.titleModels().weak()) {
      stems.add(ModelNumbers.stem(code));
    }
    keys.addAll(stems);
    return keys;
  }
}
