package ipwatch.local;

import ipwatch.model.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Typed view of config/local-stack.yaml; paths are resolved against the repository root. */
public record LocalStackSettings(
    Path repoRoot,
    Path dataDir,
    int httpPort,
    int kafkaPort,
    int kafkaPartitions,
    int esHttpPort,
    String esHeap,
    int esNiceness,
    Path esZip,
    int postgresPort,
    int marketplacePort,
    int flinkParallelism,
    int flinkBackgroundParallelism,
    boolean flinkChangelog,
    boolean flinkSeparateJobs,
    Duration flinkMatchingCheckpointInterval,
    int crawlMaxPages) {

  public static final String ES_VERSION = "8.19.21";

  public static LocalStackSettings load(Path repoRoot, Map<String, String> env) {
    Config c = Config.load(repoRoot.resolve("config/local-stack.yaml"), env);
    String home = env.getOrDefault("IPWATCH_HOME", c.string("local.dataDir"));
    String zip = c.find("local.elasticsearch.zip").filter(s -> !s.isBlank())
        .orElse(System.getProperty("ipwatch.esZip",
            "local-infra/target/dist/elasticsearch-" + ES_VERSION + ".zip"));
    return new LocalStackSettings(
        repoRoot,
        repoRoot.resolve(home).toAbsolutePath().normalize(),
        c.integer("local.http.port"),
        c.integer("local.kafka.port"),
        c.integer("local.kafka.partitions"),
        c.integer("local.elasticsearch.httpPort"),
        c.string("local.elasticsearch.heap"),
        c.integer("local.elasticsearch.nice"),
        repoRoot.resolve(zip).toAbsolutePath().normalize(),
        c.integer("local.postgres.port"),
        c.integer("local.marketplace.port"),
        c.integer("local.flink.parallelism"),
        c.integer("local.flink.backgroundParallelism"),
        c.bool("local.flink.changelog"),
        c.bool("local.flink.separateJobs"),
        c.find("local.flink.matchingCheckpointInterval").filter(s -> !s.isBlank())
            .map(s -> c.duration("local.flink.matchingCheckpointInterval")).orElse(null),
        c.integer("local.crawl.maxPages"));
  }

  /** The repository root: the system property set by the build or the launcher, else the nearest folder with config/. */
  public static Path findRepoRoot() {
    String prop = System.getProperty("ipwatch.repoRoot");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("config/local-stack.yaml"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find the IPWatch repository (config/local-stack.yaml); run from inside it");
    }
    return p;
  }

  public LocalStackSettings withDataDir(Path dir) {
    return new LocalStackSettings(repoRoot, dir, httpPort, kafkaPort, kafkaPartitions, esHttpPort, esHeap, esNiceness,
        esZip, postgresPort, marketplacePort, flinkParallelism, flinkBackgroundParallelism, flinkChangelog,
        flinkSeparateJobs, flinkMatchingCheckpointInterval, crawlMaxPages);
  }

  /** All ports from the OS (for tests that must not collide with a running `ipwatch up`). */
  public LocalStackSettings withFreePorts() {
    return new LocalStackSettings(repoRoot, dataDir, 0, 0, kafkaPartitions, 0, esHeap, esNiceness, esZip, 0, 0,
        flinkParallelism, flinkBackgroundParallelism, flinkChangelog, flinkSeparateJobs,
        flinkMatchingCheckpointInterval, crawlMaxPages);
  }
}
