package ipwatch.stream;

import ipwatch.model.config.Config;
import ipwatch.stream.match.MatchJob;
import ipwatch.stream.relisting.RelistingJob;
import ipwatch.stream.sellers.SellerLinkJob;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The three streaming jobs (match, seller linking, relisting) as one Flink application. They share checkpointing and
 * a restart strategy; each has its own consumer group and transactional id prefix. The trade-off: a failure in one
 * restarts all three, against one JobManager instead of three to run and watch. The local stack and production
 * ({@link StreamJobsMain}) build the same graph.
 */
public final class StreamJobs {
  public static final String NAME = "ipwatch-stream";

  private StreamJobs() {}

  /** The Flink settings the jobs need (checkpointing, restarts), for creating the environment. */
  public static Configuration flinkConfiguration(Config config) {
    return MatchJob.fromConfig(config).flinkConfiguration();
  }

  public static void buildAll(Config config, StreamExecutionEnvironment env) {
    MatchJob.fromConfig(config).build(env);
    SellerLinkJob.fromConfig(config).build(env);
    RelistingJob.fromConfig(config).build(env);
  }
}
