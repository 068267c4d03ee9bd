package ipwatch.stream;

import ipwatch.model.config.Config;
import ipwatch.stream.elastic.SearchIndexJob;
import ipwatch.stream.match.MatchJob;
import ipwatch.stream.relisting.RelistingJob;
import ipwatch.stream.sellers.SellerLinkJob;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The streaming pipelines (match, seller linking, relisting, search indexing) as one Flink application. They share checkpointing and
 * a restart strategy; each has its own consumer group and transactional id prefix. The trade-off: a failure in one
 * restarts all of them, against one JobManager instead of three to run and watch. The local stack and production
 * ({@link StreamJobsMain}) build the same graph.
 */
public final class StreamJobs {
  public static final String NAME = "ipwatch-stream";
  /** The job names when matching runs apart from the background pipelines. */
  public static final String MATCHING_NAME = "ipwatch-matching";
  public static final String BACKGROUND_NAME = "ipwatch-background";

  private StreamJobs() {}

  /** The Flink settings the jobs need (checkpointing, restarts), for creating the environment. */
  public static Configuration flinkConfiguration(Config config) {
    return MatchJob.fromConfig(config).flinkConfiguration();
  }

  public static void buildAll(Config config, StreamExecutionEnvironment env) {
    buildMatching(config, env);
    buildBackground(config, env);
  }

  /** The match job alone: the pipeline whose latency users wait on (listing to flag). */
  public static void buildMatching(Config config, StreamExecutionEnvironment env) {
    MatchJob.fromConfig(config).build(env);
  }

  /**
   * Seller linking, relisting and search indexing: run as a job of their own, their checkpoints no longer hold back
   * the match job's (a Flink job's exactly-once sinks commit only when a checkpoint of the whole job completes;
   * relisting's large bucket state made some of them take 15-30 s under load, and a slow Elasticsearch bulk request
   * 4-8 s).
   */
  public static void buildBackground(Config config, StreamExecutionEnvironment env) {
    SellerLinkJob.fromConfig(config).build(env);
    RelistingJob.fromConfig(config).build(env);
    SearchIndexJob.fromConfig(config).ifPresent(job -> job.build(env));
  }
}
