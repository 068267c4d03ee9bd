package ipwatch.stream.match;

import ipwatch.model.config.Config;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the match job against production Kafka: {@code MatchJobMain [config/stream-jobs.yaml]}, environment overrides
 * as documented in that file. On a Flink cluster the environment comes from the cluster; run directly it is a local
 * MiniCluster.
 */
public final class MatchJobMain {
  private MatchJobMain() {}

  public static void main(String[] args) throws Exception {
    Path configFile = Path.of(args.length > 0 ? args[0] : "config/stream-jobs.yaml");
    MatchJob job = MatchJob.fromConfig(Config.load(configFile, System.getenv()));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(job.flinkConfiguration());
    job.build(env);
    env.execute(MatchJob.NAME);
  }
}
