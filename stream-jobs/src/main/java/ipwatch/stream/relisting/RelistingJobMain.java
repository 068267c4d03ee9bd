package ipwatch.stream.relisting;

import ipwatch.model.config.Config;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the relisting job against production Kafka: {@code RelistingJobMain [config/stream-jobs.yaml]}. */
public final class RelistingJobMain {
  private RelistingJobMain() {}

  public static void main(String[] args) throws Exception {
    Path configFile = Path.of(args.length > 0 ? args[0] : "config/stream-jobs.yaml");
    RelistingJob job = RelistingJob.fromConfig(Config.load(configFile, System.getenv()), System.getenv());
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(job.settings().runtime().flinkConfiguration());
    job.build(env);
    env.execute(RelistingJob.NAME);
  }
}
