package ipwatch.stream.sellers;

import ipwatch.model.config.Config;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the seller-linking job against production Kafka: {@code SellerLinkJobMain [config/stream-jobs.yaml]}. */
public final class SellerLinkJobMain {
  private SellerLinkJobMain() {}

  public static void main(String[] args) throws Exception {
    Path configFile = Path.of(args.length > 0 ? args[0] : "config/stream-jobs.yaml");
    SellerLinkJob job = SellerLinkJob.fromConfig(Config.load(configFile, System.getenv()), System.getenv());
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(job.settings().runtime().flinkConfiguration());
    job.build(env);
    env.execute(SellerLinkJob.NAME);
  }
}
