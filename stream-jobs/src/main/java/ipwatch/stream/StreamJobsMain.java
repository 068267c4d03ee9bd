package ipwatch.stream;

import ipwatch.model.config.Config;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs all streaming jobs against production Kafka: {@code StreamJobsMain [config/stream-jobs.yaml]}. On a Flink
 * cluster (application mode in docker-compose.yml) the environment comes from the cluster.
 */
public final class StreamJobsMain {
  private StreamJobsMain() {}

  public static void main(String[] args) throws Exception {
    Config config = Config.load(Path.of(args.length > 0 ? args[0] : "config/stream-jobs.yaml"), System.getenv());
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(StreamJobs.flinkConfiguration(config));
    StreamJobs.buildAll(config, env);
    env.execute(StreamJobs.NAME);
  }
}
