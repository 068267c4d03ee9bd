package ipwatch.crawl;

import ipwatch.crawl.extract.ExtractedPage;
import ipwatch.crawl.extract.ListingExtractor;
import ipwatch.crawl.extract.Marketplaces;
import ipwatch.crawl.sink.JsonlErrorSink;
import ipwatch.crawl.sink.JsonlListingSink;
import ipwatch.crawl.sink.KafkaErrorSink;
import ipwatch.crawl.sink.KafkaListingSink;
import ipwatch.crawl.url.UrlCanonicalizer;
import ipwatch.model.FileEvidenceStore;
import ipwatch.model.Hashes;
import ipwatch.model.Json;
import ipwatch.model.Snapshot;
import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ipwatch crawl --seeds urls.txt --out listings.jsonl [--max-pages N] [--errors errors.jsonl] [--config
 * config/crawler.yaml]}, {@code ipwatch extract --url URL --html page.html [--config ...]} and {@code serve [--config
 * FILE] [--seeds urls.txt] [--instance ID]}, the Kafka-fed service ({@link CrawlService}; runs until SIGTERM). The
 * one-shot crawl uses the same {@link Crawler} (and politeness) as the service, with JSONL sinks. Exit codes: 0 done,
 * 1 failed, 2 bad arguments.
 */
public final class CrawlCommand {
  static final String USAGE = """
      usage: crawl --seeds urls.txt --out listings.jsonl [--max-pages N] [--errors errors.jsonl] [--config FILE]
             extract --url URL --html page.html [--config FILE]
             serve [--config FILE] [--seeds urls.txt] [--instance ID]
      """;
  private static final String DEFAULT_CONFIG = "config/crawler.yaml";

  private CrawlCommand() {}

  public static void main(String[] args) {
    ipwatch.crawl.fetch.PageFetcher.avoidThreadPerResponse();
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "log4j2-crawler.xml"); // progress and warnings on stderr
    }
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      if (args.length == 0) {
        throw new UsageException("missing command");
      }
      Map<String, String> opts = options(List.of(args).subList(1, args.length));
      return switch (args[0]) {
        case "crawl" -> crawl(opts, out);
        case "extract" -> extract(opts, out, err);
        case "serve" -> serve(opts, out);
        default -> throw new UsageException("unknown command '" + args[0] + "'");
      };
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (ConfigException e) {
      err.println("configuration error: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("failed: " + e.getMessage());
      return 1;
    }
  }

  private static int crawl(Map<String, String> o, PrintStream out) throws IOException {
    Path seedsFile = Path.of(required(o, "seeds"));
    Path outFile = Path.of(required(o, "out"));
    int maxPages = o.containsKey("max-pages") ? positiveInt(o.get("max-pages")) : 1000;
    Path errorsFile = Path.of(o.getOrDefault("errors", outFile + ".errors.jsonl"));
    if (!Files.isRegularFile(seedsFile)) {
      throw new UsageException("seeds file not found: " + seedsFile);
    }
    List<URI> seeds = seeds(seedsFile);
    CrawlerSettings settings = CrawlerSettings.from(config(o));
    try (JsonlListingSink listings = new JsonlListingSink(outFile);
        JsonlErrorSink errors = new JsonlErrorSink(errorsFile);
        Crawler crawler = new Crawler(settings, new FileEvidenceStore(settings.evidenceDir()), listings, errors)) {
      CrawlReport report = crawler.crawl(seeds, maxPages);
      out.println(report + " -> " + outFile + (report.errors() > 0 ? " (errors in " + errorsFile + ")" : ""));
    }
    return 0;
  }

  private static List<URI> seeds(Path seedsFile) throws IOException {
    List<URI> seeds = Files.readAllLines(seedsFile).stream().map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> UrlCanonicalizer.canonicalize(l).orElseThrow(() -> new UsageException("not an http(s) URL: " + l)))
        .toList();
    if (seeds.isEmpty()) {
      throw new UsageException("no seed URLs in " + seedsFile);
    }
    return seeds;
  }

  private static int serve(Map<String, String> o, PrintStream out) throws IOException {
    List<URI> seeds = o.containsKey("seeds") ? seeds(Path.of(o.get("seeds"))) : List.of();
    Config config = config(o);
    CrawlerSettings settings = CrawlerSettings.from(config);
    int metricsPort = config.find("metrics.port").isPresent() ? config.integer("metrics.port") : 0;
    String instance = o.getOrDefault("instance", java.util.UUID.randomUUID().toString().substring(0, 8));
    CrawlService.ensureTopic(settings);
    try (KafkaListingSink listings = new KafkaListingSink(settings.kafkaBootstrapServers(), settings.listingsTopic());
        KafkaErrorSink errors = new KafkaErrorSink(settings.kafkaBootstrapServers(), settings.errorsTopic());
        Crawler crawler = new Crawler(settings, new FileEvidenceStore(settings.evidenceDir()), listings, errors);
        CrawlService service = new CrawlService(crawler, instance);
        // null when disabled: try-with-resources skips it
        MetricsEndpoint metrics = metricsPort <= 0 ? null
            : MetricsEndpoint.start(config.string("metrics.host"), metricsPort, crawler.metrics())) {
      service.seed(seeds);
      Thread main = Thread.currentThread();
      Thread hook = new Thread(() -> {
        service.stop();
        try {
          main.join(30_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "crawl-serve-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      out.println("crawler " + instance + " consuming " + settings.frontierTopic() + " as group "
          + settings.consumerGroup() + " (" + seeds.size() + " seeds added)");
      service.run();
      out.println("stopped: " + crawler.metrics().snapshot());
    }
    return 0;
  }

  private static int extract(Map<String, String> o, PrintStream out, PrintStream err) throws IOException {
    URI url = UrlCanonicalizer.canonicalize(required(o, "url"))
        .orElseThrow(() -> new UsageException("--url must be an http(s) URL"));
    Path html = Path.of(required(o, "html"));
    if (!Files.isRegularFile(html)) {
      throw new UsageException("html file not found: " + html);
    }
    Marketplaces marketplaces = o.containsKey("config") || Files.isRegularFile(Path.of(DEFAULT_CONFIG))
        ? Marketplaces.load(CrawlerSettings.from(config(o)).marketplacesDir()) : Marketplaces.none();
    byte[] bytes = Files.readAllBytes(html);
    Optional<ExtractedPage> page = new ListingExtractor(marketplaces)
        .extract(url, org.jsoup.Jsoup.parse(new java.io.ByteArrayInputStream(bytes), null, url.toString()));
    if (page.isEmpty()) {
      err.println("no product data on this page (a hub, not a listing)");
      return 1;
    }
    Snapshot snapshot = new Snapshot(Hashes.sha256Hex(bytes), bytes.length, "text/html");
    out.println(Json.write(page.get().toListing(snapshot, Instant.now())));
    return 0;
  }

  private static Config config(Map<String, String> o) {
    return Config.load(Path.of(o.getOrDefault("config", DEFAULT_CONFIG)), System.getenv());
  }

  private static Map<String, String> options(List<String> args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String k = args.get(i);
      if (!k.startsWith("--") || i + 1 >= args.size()) {
        throw new UsageException("expected --option value, got '" + k + "'");
      }
      o.put(k.substring(2), args.get(i + 1));
    }
    return o;
  }

  private static String required(Map<String, String> o, String key) {
    String v = o.get(key);
    if (v == null || v.isBlank()) {
      throw new UsageException("--" + key + " is required");
    }
    return v;
  }

  private static int positiveInt(String v) {
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--max-pages must be a positive whole number, got '" + v + "'");
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
