package ipwatch.stream.elastic;

import ipwatch.model.config.Config;
import ipwatch.stream.common.JobRuntime;
import ipwatch.stream.common.PipelineParallelism;
import ipwatch.stream.kafka.KafkaIo;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Makes listings and flags searchable: every listing (index {@code elasticsearch.listingsIndex}, id listingId) and
 * every committed flag of {@code infringements} (index {@code elasticsearch.flagsIndex}, id flagId, from the match and
 * the relisting job alike), each read through a Kafka consumer group of its own ({@code <group>-search},
 * {@code <group>-search-flags}).
 *
 * <p>It is a pipeline of its own, not part of the match job, because the Elasticsearch writer sends its bulk requests
 * synchronously and must finish them before a checkpoint barrier passes (that is its at-least-once guarantee): under
 * load a bulk request now and then takes 4-8 s, and while the writer sat in the match job, its checkpoints waited that
 * long, and with them every exactly-once flag (docs/performance.md, 2026-11-22). The local stack runs this pipeline in
 * the background job; production, which runs all pipelines as one job, still couples them (docs/reliability.md).
 *
 * <p>At-least-once with deterministic ids: a replay after a failure rewrites the same documents.
 */
public final class SearchIndexJob {
  public static final String NAME = "ipwatch-search";

  private final Source<String, ?, ?> listings;
  private final Source<String, ?, ?> flags;
  private final Sink<SearchDocument> sink;
  private final String listingsIndex;
  private final String flagsIndex;
  private final JobRuntime runtime;
  private final PipelineParallelism parallelism;

  /**
   * @param listings raw listing records; {@code flags} raw flag records (read_committed); unreadable records of either
   *     are skipped here, since the match job and casework dead-letter them with the cause
   * @param parallelism subtasks of this pipeline ({@code elasticsearch.parallelism}; 0 = the environment's)
   */
  public SearchIndexJob(Source<String, ?, ?> listings, Source<String, ?, ?> flags, Sink<SearchDocument> sink,
      String listingsIndex, String flagsIndex, JobRuntime runtime, PipelineParallelism parallelism) {
    this.listings = listings;
    this.flags = flags;
    this.sink = sink;
    this.listingsIndex = listingsIndex;
    this.flagsIndex = flagsIndex;
    this.runtime = runtime;
    this.parallelism = parallelism;
  }

  /** Production wiring from {@code config/stream-jobs.yaml}; empty when {@code elasticsearch.url} is empty. */
  public static Optional<SearchIndexJob> fromConfig(Config config) {
    return ElasticsearchSettings.from(config).map(es -> fromConfig(config, es, new ElasticsearchSink(es), false));
  }

  /**
   * The Kafka sources of {@link #fromConfig(Config)} and the index names of {@code es}, with another sink;
   * {@code bounded} sources stop at the end.
   */
  public static SearchIndexJob fromConfig(Config config, ElasticsearchSettings es, Sink<SearchDocument> sink,
      boolean bounded) {
    JobRuntime runtime = JobRuntime.from(config, "kafka");
    return new SearchIndexJob(KafkaIo.searchListingsSource(runtime, bounded), KafkaIo.searchFlagsSource(runtime, bounded),
        sink, es.listingsIndex(), es.flagsIndex(), runtime, PipelineParallelism.from(config, "elasticsearch"));
  }

  /** Adds the pipeline to {@code env} with the shared checkpointing and restart strategy. */
  public void build(StreamExecutionEnvironment env) {
    env.configure(runtime.flinkConfiguration());
    env.enableCheckpointing(runtime.checkpointInterval().toMillis());
    PipelineParallelism p = parallelism;
    p.on(p.on(p.on(env.fromSource(listings, WatermarkStrategy.noWatermarks(), "search-listings", Types.STRING)
            .uid("search-listings-source"))
        .flatMap(SearchDocuments.listings(listingsIndex)).returns(SearchDocument.TYPE)
        .name("listing-documents").uid("listing-documents"))
        .sinkTo(sink).name("elasticsearch-listings").uid("elasticsearch-sink"));
    p.on(p.on(p.on(env.fromSource(flags, WatermarkStrategy.noWatermarks(), "search-flags", Types.STRING)
            .uid("search-flags-source"))
        .flatMap(SearchDocuments.flags(flagsIndex)).returns(SearchDocument.TYPE)
        .name("flag-documents").uid("flag-record-documents"))
        .sinkTo(sink).name("elasticsearch-flags").uid("elasticsearch-flags-sink"));
  }
}
