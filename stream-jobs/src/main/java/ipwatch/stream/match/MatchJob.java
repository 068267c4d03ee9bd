package ipwatch.stream.match;

import ipwatch.model.Flag;
import ipwatch.model.config.Config;
import ipwatch.stream.elastic.ElasticsearchSettings;
import ipwatch.stream.elastic.ElasticsearchSink;
import ipwatch.stream.elastic.SearchDocument;
import ipwatch.stream.elastic.SearchDocuments;
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
 * wires production Kafka and, when {@code elasticsearch.url} is set, the Elasticsearch sink that makes listings and
 * flags searchable (indices {@code listings} and {@code flags}, document ids listingId and flagId).
 *
 * <p>Search indexing reads the listings through a source of its own and writes listings and flags through separate
 * sinks: Elasticsearch indexes every listing, and when it falls behind, back-pressure holds back only that source.
 * With one source feeding both, the Elasticsearch writer (busy 96-99 %) throttled the listings source, and matching
 * behind it waited with a fifth of its time idle (docs/performance.md, "2026-11-22").
 *
 * <p>Latency trade-off: the sinks are exactly-once, so a flag becomes visible to read_committed consumers only when
 * the checkpoint after it completes — on average half a {@code checkpoint.interval}, at most one interval plus the
 * checkpoint's duration.
 */
public final class MatchJob {
  public static final String NAME = "ipwatch-match";

  private final Source<String, ?, ?> listings;
  private final Source<String, ?, ?> listingsForSearch;
  private final Source<RegistryUpdate, ?, ?> registry;
  private final Sink<Flag> flags;
  private final Sink<DeadLetter> deadLetters;
  private final Sink<SearchDocument> search;
  private final SearchIndices indices;
  private final MatchJobSettings settings;

  /** Index names of the search sink's documents. */
  public record SearchIndices(String listings, String flags) implements java.io.Serializable {}

  /** The job without search indexing. */
  public MatchJob(
      Source<String, ?, ?> listings,
      Source<RegistryUpdate, ?, ?> registry,
      Sink<Flag> flags,
      Sink<DeadLetter> deadLetters,
      MatchJobSettings settings) {
    this(listings, registry, flags, deadLetters, null, null, settings);
  }

  /**
   * Search indexing reads {@code listings} a second time, through a source operator of its own.
   *
   * @param search receives every readable listing (id listingId) and every flag (id flagId) as documents for
   *     {@code indices}; null for no search indexing
   */
  public MatchJob(
      Source<String, ?, ?> listings,
      Source<RegistryUpdate, ?, ?> registry,
      Sink<Flag> flags,
      Sink<DeadLetter> deadLetters,
      Sink<SearchDocument> search,
      SearchIndices indices,
      MatchJobSettings settings) {
    this(listings, listings, registry, flags, deadLetters, search, indices, settings);
  }

  /** @param listingsForSearch the listings to index for search (in production another consumer group) */
  public MatchJob(
      Source<String, ?, ?> listings,
      Source<String, ?, ?> listingsForSearch,
      Source<RegistryUpdate, ?, ?> registry,
      Sink<Flag> flags,
      Sink<DeadLetter> deadLetters,
      Sink<SearchDocument> search,
      SearchIndices indices,
      MatchJobSettings settings) {
    this.listings = listings;
    this.listingsForSearch = listingsForSearch;
    this.registry = registry;
    this.flags = flags;
    this.deadLetters = deadLetters;
    this.search = search;
    this.indices = indices;
    this.settings = settings;
  }

  /**
   * The production job: unbounded Kafka sources, exactly-once Kafka sinks, and the Elasticsearch sink unless
   * {@code elasticsearch.url} is empty, all from {@code config/stream-jobs.yaml}.
   */
  public static MatchJob fromConfig(Config config) {
    MatchJobSettings s = MatchJobSettings.from(config);
    java.util.Optional<ElasticsearchSettings> es = ElasticsearchSettings.from(config);
    return new MatchJob(
        KafkaIo.listingsSource(s.runtime(), false), KafkaIo.searchListingsSource(s.runtime(), false),
        KafkaIo.registrySource(s.runtime(), false),
        KafkaIo.flagSink(s.runtime()),
        KafkaIo.deadLetterSink(s.runtime()), es.map(ElasticsearchSink::new).orElse(null),
        es.map(e -> new SearchIndices(e.listingsIndex(), e.flagsIndex())).orElse(null), s);
  }

  /** Whether listings and flags are indexed for search. */
  public boolean indexesForSearch() {
    return search != null;
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

    if (search != null) {
      // listings are indexed as read (every version overwrites the last); flags as found. At-least-once with
      // deterministic ids: a replay after a failure rewrites the same documents. Listings come through a source of
      // their own, so indexing them never holds back matching (see the class comment).
      env.fromSource(listingsForSearch, WatermarkStrategy.noWatermarks(), "search-listings", Types.STRING)
          .uid("search-listings-source")
          .flatMap(SearchDocuments.listings(indices.listings())).returns(SearchDocument.TYPE)
          .name("listing-documents").uid("listing-documents")
          .sinkTo(search).name("elasticsearch-listings").uid("elasticsearch-sink");
      matched.map(SearchDocuments.flags(indices.flags())).returns(SearchDocument.TYPE)
          .name("flag-documents").uid("flag-documents")
          .sinkTo(search).name("elasticsearch-flags").uid("elasticsearch-flags-sink");
    }
  }
}
