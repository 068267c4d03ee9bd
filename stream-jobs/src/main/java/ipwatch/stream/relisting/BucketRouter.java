package ipwatch.stream.relisting;

import ipwatch.link.dup.CandidateIndex;
import ipwatch.link.dup.DuplicateSettings;
import ipwatch.link.dup.Profiler;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Stateless: one copy of the event per bucket linking's {@link CandidateIndex} would put the listing in (20 LSH
 * bands of its MinHash signature plus a bucket per model-number stem), so the bucket stage can be keyed by bucket
 * and two listings meet in a partition exactly when the batch index would propose them. Only a takedown's copies
 * carry the listing's content.
 */
public final class BucketRouter extends RichFlatMapFunction<RelistingEvent, RelistingEvent> {
  private static final long serialVersionUID = 1L;
  private final DuplicateSettings settings;
  private transient Profiler profiler;
  private transient CandidateIndex index;

  public BucketRouter(DuplicateSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext openContext) {
    profiler = new Profiler(settings);
    index = new CandidateIndex(settings);
  }

  @Override
  public void flatMap(RelistingEvent e, Collector<RelistingEvent> out) {
    // a bucket keeps a taken-down listing's content; of a probe or a reinstatement it needs the id only
    RelistingEvent routed = e.isTakedown() ? e : e.withoutContent();
    for (String bucket : index.bucketKeys(profiler.profile(e.listing(), null))) {
      out.collect(routed.inBucket(bucket));
    }
  }
}
