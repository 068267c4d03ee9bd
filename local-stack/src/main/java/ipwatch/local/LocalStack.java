package ipwatch.local;

import ipwatch.casework.CaseworkServer;
import ipwatch.local.infra.ElasticsearchNode;
import ipwatch.local.infra.EmbeddedPostgresServer;
import ipwatch.local.infra.InProcessKafka;
import ipwatch.local.infra.Ports;
import ipwatch.local.infra.StackDirectory;
import ipwatch.model.Topics;
import ipwatch.model.config.Config;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform on one machine: Kafka, Elasticsearch and PostgreSQL start in parallel, then casework-api (which
 * publishes the registry), then the Flink match job. Parts close in reverse order. Used by `ipwatch up` and by the
 * end-to-end tests, so both exercise the same wiring.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final LocalStackSettings settings;
  private final StartupClock clock = new StartupClock();
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private StackDirectory dir;
  private int httpPort;
  private InProcessKafka kafka;
  private ElasticsearchNode elasticsearch;
  private EmbeddedPostgresServer postgres;
  private CaseworkServer casework;
  private StreamJobsRunner streamJobs;

  private LocalStack(LocalStackSettings settings) {
    this.settings = settings;
  }

  public static LocalStack start(LocalStackSettings settings) throws Exception {
    LocalStack stack = new LocalStack(settings);
    try {
      stack.startAll();
      return stack;
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  private void startAll() throws Exception {
    checkPorts();
    dir = StackDirectory.at(settings.dataDir());
    // known before casework starts, so the links in webhook payloads point at it
    httpPort = settings.httpPort() == 0 ? Ports.free() : settings.httpPort();
    // The three stores do not depend on each other; Elasticsearch is the slowest (~10 s), so start them together.
    var es = CompletableFuture.supplyAsync(() -> unchecked(() -> clock.time("elasticsearch",
        () -> ElasticsearchNode.start(settings.esZip(), dir.elasticsearch(), settings.esHttpPort(), settings.esHeap(),
            settings.esNiceness()))));
    var kf = CompletableFuture.supplyAsync(() -> unchecked(() -> clock.time("kafka",
        () -> InProcessKafka.start(dir.kafka(), settings.kafkaPort()))));
    var pg = CompletableFuture.supplyAsync(() -> unchecked(() -> clock.time("postgresql",
        () -> EmbeddedPostgresServer.start(dir.postgres(), settings.postgresPort()))));
    // Wait for all three, remember whatever started (so close() stops it), then report the first failure.
    CompletableFuture.allOf(es, kf, pg).handle((v, e) -> null).join();
    for (var part : java.util.List.of(kf, pg, es)) {
      if (!part.isCompletedExceptionally()) {
        remember(part.join());
      }
    }
    kafka = join(kf);
    postgres = join(pg);
    elasticsearch = join(es);
    clock.time("topics", () -> {
      kafka.createTopics(Topics.all(), settings.kafkaPartitions());
      return null;
    });
    casework = remember(clock.time("casework-api", () -> CaseworkServer.start(caseworkConfig())));
    streamJobs = remember(clock.time("flink jobs", () -> StreamJobsRunner.start(streamJobsConfig(),
        settings.flinkParallelism(), dir.flink(), kafka.bootstrapServers(), settings.flinkSeparateJobs(),
        settings.flinkMatchingCheckpointInterval())));
    clock.markReady();
    log.info("local stack started:\n{}", clock.report());
  }

  private void checkPorts() {
    Map<String, Integer> ports = new HashMap<>();
    ports.put("casework API (local.http.port)", settings.httpPort());
    ports.put("Kafka (local.kafka.port)", settings.kafkaPort());
    ports.put("Elasticsearch (local.elasticsearch.httpPort)", settings.esHttpPort());
    ports.put("PostgreSQL (local.postgres.port)", settings.postgresPort());
    ports.forEach((what, port) -> {
      if (port != 0) {
        Ports.requireFree(port, what);
      }
    });
  }

  Config caseworkConfig() {
    Map<String, String> o = new HashMap<>();
    o.put("http.host", "127.0.0.1");
    o.put("http.port", String.valueOf(httpPort));
    // the demo's platform receiver listens on loopback, which production refuses (SSRF guard)
    o.put("webhooks.allowPrivateTargets", "true");
    o.put("webhooks.publicBaseUrl", "http://127.0.0.1:" + httpPort);
    o.put("postgres.host", postgres.host());
    o.put("postgres.port", String.valueOf(postgres.port()));
    o.put("postgres.database", postgres.database());
    o.put("postgres.user", postgres.user());
    o.put("postgres.password", postgres.password());
    o.put("kafka.bootstrapServers", kafka.bootstrapServers());
    o.put("elasticsearch.url", elasticsearch.httpUrl());
    o.put("auth.jwt.secret", jwtSecret());
    o.put("registry.seedFile", settings.repoRoot().resolve("config/demo/registry.jsonl").toString());
    o.put("demo.enabled", "true");
    // the crawler's snapshots become each case's first evidence item: both read the same store
    o.put("evidence.dir", dir.evidence().toString());
    return Config.load(settings.repoRoot().resolve("config/casework-api.yaml"), System.getenv()).with(o);
  }

  Config streamJobsConfig() {
    return Config.load(settings.repoRoot().resolve("config/stream-jobs.yaml"), System.getenv())
        .with(Map.of(
            "kafka.bootstrapServers", kafka.bootstrapServers(),
            "elasticsearch.url", elasticsearch.httpUrl(),
            "sellerLinks.parallelism", Integer.toString(settings.flinkBackgroundParallelism()),
            "relisting.parallelism", Integer.toString(settings.flinkBackgroundParallelism()),
            "elasticsearch.parallelism", Integer.toString(settings.flinkBackgroundParallelism()),
            "state.changelog", Boolean.toString(settings.flinkChangelog())));
  }

  public Config crawlerConfig() {
    return Config.load(settings.repoRoot().resolve("config/crawler.yaml"), System.getenv())
        .with(Map.of(
            "kafka.bootstrapServers", kafka.bootstrapServers(),
            "evidence.dir", dir.evidence().toString(),
            // crawler memory lives with the stack's data: wiping .ipwatch/ must also forget what was crawled
            "state.dir", dir.root().resolve("crawler-state").toString(),
            "marketplaces.dir", settings.repoRoot().resolve("config/marketplaces").toString()));
  }

  /** A fresh signing key per data directory, kept there so demo tokens stay valid across restarts. */
  private String jwtSecret() {
    Path f = dir.root().resolve("jwt-secret");
    try {
      if (!java.nio.file.Files.exists(f)) {
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        java.nio.file.Files.writeString(f, Base64.getEncoder().encodeToString(key));
        f.toFile().setReadable(false, false);
        f.toFile().setReadable(true, true);
      }
      return java.nio.file.Files.readString(f).trim();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private <T extends AutoCloseable> T remember(T part) {
    started.push(part);
    return part;
  }

  private static <T> T join(CompletableFuture<T> f) throws Exception {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static <T> T unchecked(java.util.concurrent.Callable<T> c) {
    try {
      return c.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new java.util.concurrent.CompletionException(e);
    }
  }

  public LocalStackSettings settings() {
    return settings;
  }

  public StackDirectory directory() {
    return dir;
  }

  public InProcessKafka kafka() {
    return kafka;
  }

  public ElasticsearchNode elasticsearch() {
    return elasticsearch;
  }

  public EmbeddedPostgresServer postgres() {
    return postgres;
  }

  public CaseworkServer casework() {
    return casework;
  }

  public StreamJobsRunner streamJobs() {
    return streamJobs;
  }

  public StartupClock clock() {
    return clock;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        log.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
