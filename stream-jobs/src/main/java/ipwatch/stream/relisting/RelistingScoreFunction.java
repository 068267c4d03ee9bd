package ipwatch.stream.relisting;

import ipwatch.link.dup.DocumentFrequencies;
import ipwatch.link.dup.DuplicateScorer;
import ipwatch.link.dup.DuplicateSettings;
import ipwatch.link.dup.ListingProfile;
import ipwatch.link.dup.MinHasher;
import ipwatch.link.dup.Profiler;
import ipwatch.link.seller.SellerIdentifiers;
import ipwatch.model.Flag;
import ipwatch.model.Listing;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by (taken-down listing, later listing): scores each candidate pair once with linking's
 * {@link DuplicateScorer} and emits a RELISTING flag at or above {@code duplicates.threshold}. The pair's mark
 * expires {@code pairTtl} after it was scored.
 *
 * <p>IDF: the scorer weighs words by rarity. A partitioned job has no global word counts, so each subtask counts the
 * listings it scores (each listing once), and words weigh the same until it has counted {@code minIdfDocuments}
 * listings: with a handful of documents IDF is noise (with one, every word weighs zero). The counts are transient and
 * rebuild after a restart; scores of the first pairs afterwards lean on plain term frequency.
 */
public class RelistingScoreFunction extends KeyedProcessFunction<String, CandidatePair, Flag> {
  private static final long serialVersionUID = 1L;
  static final String STATE = "relisting-pair-scored";
  private static final int MAX_COUNTED_IDS = 1_000_000;
  private final DuplicateSettings settings;
  private final int minIdfDocuments;
  private final ValueStateDescriptor<Boolean> descriptor;
  private transient ValueState<Boolean> scored;
  private transient Profiler profiler;
  private transient DocumentFrequencies df;
  private transient Set<String> counted;
  private transient DuplicateScorer scorer;

  public RelistingScoreFunction(DuplicateSettings settings, int minIdfDocuments, Duration pairTtl) {
    this.settings = settings;
    this.minIdfDocuments = minIdfDocuments;
    descriptor = TakedownJoinFunction.withTtl(new ValueStateDescriptor<>(STATE, Types.BOOLEAN), pairTtl);
  }

  @Override
  public void open(OpenContext openContext) {
    scored = getRuntimeContext().getState(descriptor);
    profiler = new Profiler(settings);
    df = new DocumentFrequencies();
    counted = new HashSet<>();
    scorer = new DuplicateScorer(settings, w -> df.documents() < minIdfDocuments ? 1.0 : df.idf(w));
  }

  @Override
  public void processElement(CandidatePair pair, Context ctx, Collector<Flag> out) throws Exception {
    if (scored.value() != null) {
      return;
    }
    scored.update(true);
    ListingProfile a = profile(pair.earlier());
    ListingProfile b = profile(pair.later());
    double score = Math.round(scorer.score(a, b) * 1000) / 1000.0;
    if (score < settings.threshold()) {
      return;
    }
    List<Flag.Signal> signals = List.of(
        new Flag.Signal("MODEL_NUMBER", a.textModels().agreement(b.textModels()),
            "model numbers " + a.textModels().strong() + " / " + b.textModels().strong()),
        new Flag.Signal("TITLE_SIMILARITY", round(scorer.cosine(a.titleWords(), b.titleWords())),
            "TF-IDF cosine of the titles"),
        new Flag.Signal("MINHASH_JACCARD", round(MinHasher.jaccard(a.signature(), b.signature())),
            "estimated word overlap of title and description"),
        new Flag.Signal("SAME_IMAGE", a.imageHashes().stream().anyMatch(b.imageHashes()::contains) ? 1 : 0,
            "identical product image"));
    out.collect(RelistingFlags.of(pair, score, signals, Instant.ofEpochMilli(ctx.timerService()
        .currentProcessingTime())));
  }

  private ListingProfile profile(Listing l) {
    ListingProfile p = profiler.profile(l, SellerIdentifiers.sellerKey(l).orElse(null));
    if (counted.size() >= MAX_COUNTED_IDS) {
      counted.clear(); // a listing may be counted twice after this; IDF tolerates it
    }
    if (counted.add(l.listingId())) {
      df.add(p.textWords());
    }
    return p;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
