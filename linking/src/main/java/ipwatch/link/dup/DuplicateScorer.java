package ipwatch.link.dup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * How likely two listings offer the same product, 0..1: a weighted sum of model-number agreement, TF-IDF cosine of
 * titles and of title + description, the MinHash Jaccard estimate, identical images and a shared seller cluster,
 * minus a penalty when both titles name model numbers and none agree ("KDL-40V2500" vs "KDL-46V2500": same line,
 * different product - the words alone would call them equal).
 */
public final class DuplicateScorer {
  private final DuplicateSettings.Weights w;
  private final ToDoubleFunction<String> idf;

  public DuplicateScorer(DuplicateSettings settings, DocumentFrequencies df) {
    this(settings, df::idf);
  }

  /** With word weights from elsewhere (a partitioned job that keeps its own document counts). */
  public DuplicateScorer(DuplicateSettings settings, ToDoubleFunction<String> idf) {
    this.w = settings.weights();
    this.idf = idf;
  }

  public double score(ListingProfile a, ListingProfile b) {
    double titleAgreement = a.titleModels().agreement(b.titleModels());
    double textAgreement = a.textModels().agreement(b.textModels());
    double models = Math.max(titleAgreement, 0.9 * textAgreement);
    boolean conflict = !a.titleModels().isEmpty() && !b.titleModels().isEmpty() && models == 0;
    boolean sameImage = a.imageHashes().stream().anyMatch(b.imageHashes()::contains);
    boolean sameSeller = a.sellerCluster() != null && a.sellerCluster().equals(b.sellerCluster());
    double text = w.titleCosine() * cosine(a.titleWords(), b.titleWords())
        + w.textCosine() * cosine(a.textWords(), b.textWords())
        + w.jaccard() * MinHasher.jaccard(a.signature(), b.signature());
    if (a.textModels().isEmpty() && b.textModels().isEmpty()) {
      // neither side names a model number: the text must carry the whole decision (a handmade wallet relisted)
      text *= (w.modelNumber() + w.titleCosine() + w.textCosine() + w.jaccard())
          / (w.titleCosine() + w.textCosine() + w.jaccard());
    }
    double s = w.modelNumber() * models
        + text
        + (sameImage ? w.image() : 0)
        + (sameSeller ? w.sameSeller() : 0)
        - (conflict ? w.modelConflict() : 0);
    return Math.max(0, Math.min(1, s));
  }

  /** TF-IDF cosine of two word lists, 0..1. */
  public double cosine(List<String> a, List<String> b) {
    Map<String, Double> va = vector(a);
    Map<String, Double> vb = vector(b);
    double dot = 0;
    for (Map.Entry<String, Double> e : va.entrySet()) {
      Double o = vb.get(e.getKey());
      if (o != null) {
        dot += e.getValue() * o;
      }
    }
    double norm = norm(va) * norm(vb);
    return norm == 0 ? 0 : dot / norm;
  }

  /** Sublinear term frequency times IDF. */
  private Map<String, Double> vector(List<String> words) {
    Map<String, Integer> tf = new HashMap<>();
    for (String word : words) {
      tf.merge(word, 1, Integer::sum);
    }
    Map<String, Double> v = new HashMap<>(tf.size() * 2);
    tf.forEach((word, n) -> v.put(word, (1 + Math.log(n)) * idf.applyAsDouble(word)));
    return v;
  }

  private static double norm(Map<String, Double> v) {
    double s = 0;
    for (double x : v.values()) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
