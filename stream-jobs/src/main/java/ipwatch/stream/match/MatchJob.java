package ipwatch.stream.match;

import ipwatch.model.Flag;
import ipwatch.model.config.Config;
import ipwatch.stream.elastic.SearchIndexJob;
import ipwatch.stream.kafka.KafkaIo;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The match job: listings in, flags and dead letters out, the registry broadcast alongside. Sources and sinks are
 * constructor arguments so tests run the same topology over bounded sources and test sinks; {@link #fromConfig}
 * wires production Kafka. Making listings and flags searchable is {@link SearchIndexJob}, a pipeline of its own that
 * reads the same topics: an Elasticsearch writer inside this job held back its checkpoints, and so the flags, whenever
 * a bulk request was slow (docs/performance.md, 2026-11-22).
 *
 * <p>Latency trade-off: the sinks are exactly-once, so a flag becomes visible to read_committed consumers only when
 * the checkpoint after it completes — on average half a {@code checkpoint.interval}, at most one interval plus the
 * checkpoint's duration.
 */
public final class MatchJob {
  public static final String NAME = "ipwatch-match";

  private final Source<String, ?, ?> listings;
  private final Source<RegistryUpdate, ?, ?> registry;
  private final Sink<Flag> flags;
  private final Sink<DeadLetter> deadLetters;
  private final MatchJobSettings settings;

  public MatchJob(
      Source<String, ?, ?> listings,
      Source<RegistryUpdate, ?, ?> registry,
      Sink<Flag> flags,
      Sink<DeadLetter> deadLetters,
      MatchJobSettings settings) {
    this.listings = listings;
    this.registry = registry;
    this.flags = flags;
    this.deadLetters = deadLetters;
    this.settings = settings;
  }

  /**
   * The production job: unbounded Kafka sources and exactly-once Kafka sinks, all from
   * {@code config/stream-jobs.yaml}.
   */
  public static MatchJob fromConfig(Config config) {
    MatchJobSettings s = MatchJobSettings.from(config);
    return new MatchJob(
        KafkaIo.listingsSource(s.runtime(), false), KafkaIo.registrySource(s.runtime(), false),
        KafkaIo.flagSink(s.runtime()), KafkaIo.deadLetterSink(s.runtime()), s);
  }

  public MatchJobSettings settings() {
    return settings;
  }

  /** Checkpointing and restart strategy from the settings, for creating the environment the job runs in. */
  public Configuration flinkConfiguration() {
    return settings.runtime().flinkConfiguration();
  }

  /**
   * Adds the job to the environment and applies {@link #flinkConfiguration()} to it: the exactly-once sinks commit
   * only on checkpoints, so the job must never run without them.
   */
  public void build(StreamExecutionEnvironment env) {
    env.configure(flinkConfiguration());
    env.enableCheckpointing(settings.runtime().checkpointInterval().toMillis());

    DataStream<String> listingStream =
        env.fromSource(listings, WatermarkStrategy.noWatermarks(), "listings", Types.STRING).uid("listings-source");
    BroadcastStream<RegistryUpdate> registryStream =
        env.fromSource(registry, WatermarkStrategy.noWatermarks(), "ip-registry", RegistryUpdate.TYPE)
            .uid("registry-source")
            .broadcast(ListingMatchFunction.REGISTRY_STATE);

    SingleOutputStreamOperator<Flag> matched =
        listingStream
            .keyBy(new ListingKeySelector())
            .connect(registryStream)
            .process(new ListingMatchFunction(settings.matching(), settings.listingTtl()), FlagType.TYPE)
            .name("match-listings")
            .uid("match-listings");

    matched.sinkTo(flags).name("infringements").uid("infringements-sink");
    matched
        .getSideOutput(ListingMatchFunction.DEAD_LETTERS)
        .sinkTo(deadLetters)
        .name("listings-dlq")
        .uid("listings-dlq-sink");
  }
}
