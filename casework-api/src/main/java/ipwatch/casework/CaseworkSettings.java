package ipwatch.casework;

import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * casework-api's settings, read once from {@link Config} and checked before anything starts, so a bad value fails
 * with the key's name instead of a connection error minutes later. Keys are documented in config/casework-api.yaml.
 */
public record CaseworkSettings(
    Http http,
    Postgres postgres,
    Kafka kafka,
    Elasticsearch elasticsearch,
    Jwt jwt,
    Optional<Path> registrySeedFile,
    CaseDefaults cases,
    Demo demo,
    Workflow workflow,
    RateLimits rateLimits,
    Optional<Path> evidenceDir,
    int httpInstances,
    Webhooks webhooks) {

  /**
   * Outbound webhooks (Standard Webhooks): the dispatcher's pacing, the retry schedule (one delay per retry, jitter
   * as a fraction of each delay), the SSRF switch, and the base URL links in payloads point to.
   */
  public record Webhooks(boolean dispatch, boolean allowPrivateTargets, Duration pollInterval, Duration requestTimeout,
      List<Duration> retrySchedule, double jitter, Duration lease, int batchSize, String publicBaseUrl,
      Duration secretGracePeriod) {}

  /** Where the jurisdiction profiles and routing rules come from (empty = the copies built into the jar). */
  public record Workflow(Optional<Path> jurisdictionsFile, Optional<Path> routingFile, Duration timerScanInterval) {}

  /** Per-caller token bucket of the API. */
  public record RateLimits(double perSecond, int burst) {}

  public record Http(
      String host, int port, String webroot, long maxBodyBytes, List<String> corsOrigins, int maxPageSize) {}

  public record Postgres(
      String host, int port, String database, String user, String password, int poolSize, Duration startupTimeout) {}

  /**
   * @param maxPollRecords the largest flag batch ingestion takes per poll (one transaction)
   * @param ingestLoops consumers of the ingestion group in this instance, each with its own partitions and transactions
   */
  public record Kafka(String bootstrapServers, String groupId, String infringementsTopic, String registryTopic,
      int maxPollRecords, int ingestLoops) {}

  public record Elasticsearch(String url, String casesIndex) {}

  public record Jwt(String secret, String issuer, String audience) {}

  /** Where a case's jurisdiction comes from when its asset names none. */
  public record CaseDefaults(String defaultJurisdiction, Map<String, String> marketplaceJurisdictions) {}

  public record Demo(boolean enabled, Duration tokenTtl) {}

  /** HS256 with a short secret is brute-forceable; RFC 7518 §3.2 asks for a key at least as long as the hash. */
  static final int MIN_SECRET_LENGTH = 32;

  public static CaseworkSettings from(Config c) {
    Http http =
        new Http(
            c.string("http.host"),
            port(c, "http.port", true),
            c.string("http.webroot"),
            positive(c, "http.maxBodyBytes"),
            origins(c.list("http.corsOrigins")),
            (int) positive(c, "http.maxPageSize"));
    Postgres pg =
        new Postgres(
            c.string("postgres.host"),
            port(c, "postgres.port", false),
            c.string("postgres.database"),
            c.string("postgres.user"),
            c.string("postgres.password"),
            (int) positive(c, "postgres.poolSize"),
            c.duration("postgres.startupTimeout"));
    Kafka kafka =
        new Kafka(
            c.string("kafka.bootstrapServers"),
            c.string("kafka.groupId"),
            c.string("kafka.infringementsTopic"),
            c.string("kafka.registryTopic"),
            optionalInRange(c, "kafka.maxPollRecords", 500, 1, 10_000),
            optionalInRange(c, "kafka.ingestLoops", 1, 1, 64));
    Elasticsearch es = new Elasticsearch(url(c, "elasticsearch.url"), c.string("elasticsearch.casesIndex"));
    Jwt jwt = new Jwt(secret(c), c.string("auth.jwt.issuer"), c.string("auth.jwt.audience"));
    return new CaseworkSettings(
        http,
        pg,
        kafka,
        es,
        jwt,
        seedFile(c),
        new CaseDefaults(
            jurisdiction(c.string("cases.defaultJurisdiction"), "cases.defaultJurisdiction"),
            marketplaceJurisdictions(c.list("cases.marketplaceJurisdictions"))),
        new Demo(c.bool("demo.enabled"), c.duration("demo.tokenTtl")),
        new Workflow(existingFile(c, "workflow.jurisdictionsFile"), existingFile(c, "workflow.routingFile"),
            positiveDuration(c, "workflow.timerScanInterval")),
        new RateLimits(positiveDecimal(c, "http.rateLimit.perSecond"), (int) positive(c, "http.rateLimit.burst")),
        directory(c, "evidence.dir"),
        nonNegative(c, "http.instances"),
        webhooks(c));
  }

  /**
   * An optional whole number within [min, max], {@code absent} when the key is missing (so a config file written before
   * the key existed still starts).
   */
  private static int optionalInRange(Config c, String key, int absent, int min, int max) {
    int n = c.find(key).map(v -> c.integer(key)).orElse(absent);
    if (n < min || n > max) {
      throw new ConfigException("config key '" + key + "' is " + n + " but must be between " + min + " and " + max);
    }
    return n;
  }

  private static Webhooks webhooks(Config c) {
    List<Duration> schedule = new java.util.ArrayList<>();
    for (String v : c.list("webhooks.retrySchedule")) {
      var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(v.trim());
      if (!m.matches() || Long.parseLong(m.group(1)) <= 0) {
        throw new ConfigException("config key 'webhooks.retrySchedule' has '" + v
            + "' but every entry must be a positive duration such as 5s, 30m, 2h or 1d");
      }
      long n = Long.parseLong(m.group(1));
      schedule.add(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      });
    }
    double jitter = c.decimal("webhooks.jitter");
    if (jitter < 0 || jitter >= 1) {
      throw new ConfigException("config key 'webhooks.jitter' is " + jitter + " but must be at least 0 and below 1");
    }
    String base = url(c, "webhooks.publicBaseUrl");
    return new Webhooks(c.bool("webhooks.dispatch"), c.bool("webhooks.allowPrivateTargets"),
        positiveDuration(c, "webhooks.pollInterval"), positiveDuration(c, "webhooks.requestTimeout"),
        List.copyOf(schedule), jitter, positiveDuration(c, "webhooks.lease"), (int) positive(c, "webhooks.batchSize"),
        base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
        positiveDuration(c, "webhooks.secretGracePeriod"));
  }

  private static int nonNegative(Config c, String key) {
    int v = c.integer(key);
    if (v < 0) {
      throw new ConfigException("config key '" + key + "' is " + v + " but must be 0 (one per CPU core) or more");
    }
    return v;
  }

  private static Duration positiveDuration(Config c, String key) {
    Duration d = c.duration(key);
    if (d.isNegative() || d.isZero()) {
      throw new ConfigException("config key '" + key + "' must be a positive duration");
    }
    return d;
  }

  private static double positiveDecimal(Config c, String key) {
    double v = c.decimal(key);
    if (!(v > 0)) {
      throw new ConfigException("config key '" + key + "' is " + v + " but must be greater than 0");
    }
    return v;
  }

  private static Optional<Path> existingFile(Config c, String key) {
    Optional<String> v = c.find(key).filter(s -> !s.isBlank());
    if (v.isEmpty()) {
      return Optional.empty();
    }
    Path p = Path.of(v.get());
    if (!Files.isRegularFile(p)) {
      throw new ConfigException("config key '" + key + "' names " + p.toAbsolutePath() + " but there is no such file");
    }
    return Optional.of(p);
  }

  /** A directory that is created when missing (the crawler may not have run yet). */
  private static Optional<Path> directory(Config c, String key) {
    Optional<String> v = c.find(key).filter(s -> !s.isBlank());
    if (v.isEmpty()) {
      return Optional.empty();
    }
    Path p = Path.of(v.get());
    try {
      Files.createDirectories(p);
    } catch (java.io.IOException | RuntimeException e) {
      throw new ConfigException("config key '" + key + "' names " + p.toAbsolutePath()
          + ", which is not a directory and cannot be created: " + e.getMessage());
    }
    return Optional.of(p);
  }

  private static int port(Config c, String key, boolean zeroAllowed) {
    int p = c.integer(key);
    if (p < (zeroAllowed ? 0 : 1) || p > 65535) {
      throw new ConfigException("config key '" + key + "' is " + p + " but must be a TCP port"
          + (zeroAllowed ? " (0 = any free port)" : ""));
    }
    return p;
  }

  private static long positive(Config c, String key) {
    long v = c.integer(key);
    if (v <= 0) {
      throw new ConfigException("config key '" + key + "' is " + v + " but must be greater than 0");
    }
    return v;
  }

  private static List<String> origins(List<String> origins) {
    for (String o : origins) {
      if (!o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
        throw new ConfigException("config key 'http.corsOrigins' has '" + o
            + "' but every entry must be an exact origin such as https://portal.example.org (no '*', no path)");
      }
    }
    return List.copyOf(origins);
  }

  private static String url(Config c, String key) {
    String v = c.string(key);
    try {
      URI u = URI.create(v);
      if (u.getHost() != null && ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
        return v;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new ConfigException("config key '" + key + "' is '" + v + "' but must be an http(s) URL");
  }

  private static String secret(Config c) {
    String s = c.string("auth.jwt.secret");
    if (s.length() < MIN_SECRET_LENGTH) {
      throw new ConfigException("config key 'auth.jwt.secret' must be at least " + MIN_SECRET_LENGTH
          + " characters (set " + Config.envName("auth.jwt.secret") + ")");
    }
    return s;
  }

  private static Optional<Path> seedFile(Config c) {
    Optional<String> v = c.find("registry.seedFile").filter(s -> !s.isBlank());
    if (v.isEmpty()) {
      return Optional.empty();
    }
    Path p = Path.of(v.get());
    if (!Files.isRegularFile(p)) {
      throw new ConfigException(
          "config key 'registry.seedFile' names " + p.toAbsolutePath() + " but there is no such file");
    }
    return Optional.of(p);
  }

  private static Map<String, String> marketplaceJurisdictions(List<String> entries) {
    Map<String, String> out = new HashMap<>();
    for (String e : entries) {
      String[] kv = e.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new ConfigException("config key 'cases.marketplaceJurisdictions' has '" + e
            + "' but every entry must look like marketplace=CODE");
      }
      out.put(kv[0].trim(), jurisdiction(kv[1].trim(), "cases.marketplaceJurisdictions"));
    }
    return Map.copyOf(out);
  }

  private static String jurisdiction(String code, String key) {
    if (!code.matches("[A-Z]{2,3}")) {
      throw new ConfigException(
          "config key '" + key + "' has '" + code + "' but a jurisdiction is a code such as US, EU or CN");
    }
    return code;
  }
}
