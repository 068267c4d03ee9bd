package ipwatch.stream.relisting;

import ipwatch.model.Flag;
import ipwatch.model.Listing;
import ipwatch.model.ListingOutcome;
import ipwatch.model.config.Config;
import ipwatch.stream.common.PipelineParallelism;
import ipwatch.stream.kafka.KafkaIo;
import ipwatch.stream.match.FlagType;
import ipwatch.stream.match.ListingKeySelector;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Relisting detection: listings and listing outcomes in, RELISTING flags out to {@code infringements}
 * (exactly-once), where casework-api opens cases from them like from any other flag.
 *
 * <pre>
 * listings + listing-outcomes --keyBy listingId--> TakedownJoinFunction (content of taken-down listings; probes)
 *   --BucketRouter (LSH bands, model-number stems)--> keyBy bucket --> BucketFunction (partitioned candidate index)
 *   --keyBy probe id--> ProbeContentFunction (attaches the probe's content, held once; fed by the join's probes)
 *   --keyBy pair--> RelistingScoreFunction (linking's scorer, once per pair) --> infringements
 * </pre>
 *
 * Every stage is keyed, so the job scales out with parallelism; the bucket state holds each taken-down listing about
 * 22 times (once per bucket), the price of never comparing all pairs. Probes, which are every new listing, are held in
 * the buckets by id only and their content once, for the reorder window: holding their content in every bucket made
 * the buckets 80 % of all three jobs' state under load (docs/performance.md, "Platform load").
 */
public final class RelistingJob {
  public static final String NAME = "ipwatch-relisting";
  private final Source<String, ?, ?> listings;
  private final Source<ListingOutcome, ?, ?> outcomes;
  private final Sink<Flag> flags;
  private final RelistingJobSettings settings;

  public RelistingJob(Source<String, ?, ?> listings, Source<ListingOutcome, ?, ?> outcomes, Sink<Flag> flags,
      RelistingJobSettings settings) {
    this.listings = listings;
    this.outcomes = outcomes;
    this.flags = flags;
    this.settings = settings;
  }

  /** {@link #fromConfig(Config, Map)} with the process environment for the linking defaults' overrides. */
  public static RelistingJob fromConfig(Config config) {
    return fromConfig(config, System.getenv());
  }

  /** Production wiring: unbounded read_committed sources, exactly-once sink to infringements. */
  public static RelistingJob fromConfig(Config config, Map<String, String> env) {
    RelistingJobSettings s = RelistingJobSettings.from(config, env);
    return new RelistingJob(KafkaIo.listingsSource(s.runtime(), false),
        KafkaIo.outcomesSource(s.runtime(), false), KafkaIo.flagSink(s.runtime()), s);
  }

  public RelistingJobSettings settings() {
    return settings;
  }

  public void build(StreamExecutionEnvironment env) {
    env.configure(settings.runtime().flinkConfiguration());
    env.enableCheckpointing(settings.runtime().checkpointInterval().toMillis());
    PipelineParallelism p = settings.parallelism();
    DataStream<String> listingStream = p.on(
        env.fromSource(listings, WatermarkStrategy.noWatermarks(), "relisting-listings", Types.STRING)
            .uid("relisting-listings-source"));
    DataStream<ListingOutcome> outcomeStream = p.on(
        env.fromSource(outcomes, WatermarkStrategy.noWatermarks(), "listing-outcomes", RelistingTypes.OUTCOME)
            .uid("listing-outcomes-source"));
    SingleOutputStreamOperator<RelistingEvent> joined = p.on(listingStream
        .keyBy(new ListingKeySelector())
        .connect(outcomeStream.keyBy(ListingOutcome::listingId, Types.STRING))
        .process(new TakedownJoinFunction(settings.listingTtl(), settings.takedownTtl()), RelistingEvent.TYPE)
        .name("takedown-join").uid("takedown-join"));
    DataStream<Listing> probeContent = p.on(p.on(joined
        .filter(RelistingEvent::isProbe).name("probes").uid("probes"))
        .map(RelistingEvent::listing, RelistingTypes.LISTING).name("probe-listings").uid("probe-listings"));
    DataStream<ProbeCandidate> proposals = p.on(p.on(joined
        .flatMap(new BucketRouter(settings.duplicates()), RelistingEvent.TYPE)
        .name("lsh-buckets").uid("lsh-buckets"))
        .keyBy(RelistingEvent::bucket, Types.STRING)
        .process(new BucketFunction(settings.duplicates().maxBucketSize(), settings.takedownTtl(),
            settings.reorderWindow()), ProbeCandidate.TYPE)
        .name("candidate-buckets").uid("candidate-buckets"));
    var pairs = p.on(probeContent.keyBy(Listing::listingId, Types.STRING)
        .connect(proposals.keyBy(ProbeCandidate::laterId, Types.STRING))
        .process(new ProbeContentFunction(settings.reorderWindow()), CandidatePair.TYPE)
        .name("probe-content").uid("probe-content"));
    var relistings = p.on(pairs
        .keyBy(CandidatePair::pairKey, Types.STRING)
        .process(new RelistingScoreFunction(settings.duplicates(), settings.minIdfDocuments(),
            settings.listingTtl()), FlagType.TYPE)
        .name("score-relistings").uid("score-relistings"));
    p.on(relistings.sinkTo(flags).name("relisting-flags").uid("relisting-flags-sink"));
  }
}
