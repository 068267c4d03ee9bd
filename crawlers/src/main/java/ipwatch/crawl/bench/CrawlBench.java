package ipwatch.crawl.bench;

import ipwatch.crawl.Crawler;
import ipwatch.crawl.CrawlerSettings;
import ipwatch.crawl.sink.CrawlError;
import ipwatch.crawl.sink.ErrorSink;
import ipwatch.crawl.sink.ListingSink;
import ipwatch.model.FileEvidenceStore;
import ipwatch.model.Listing;
import ipwatch.model.config.Config;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * {@code bench crawl [--hosts 1000] [--seconds 60] [--pages-per-host N] [--crawl-delay 1] [--config FILE]
 * [--set key=value]...}: the real {@link Crawler} (settings from config/crawler.yaml; the overrides are printed)
 * against {@code hosts} shops on loopback addresses (127.42.x.y, see {@link LoopbackHosts}), each with robots.txt
 * {@code Crawl-delay} and a root page linking to product pages with one image each. Runs for {@code seconds}, then
 * stops the crawler and the servers. Prints the request rate the servers saw against the budget (hosts / delay) after
 * a warm-up, the gaps between two requests to one host (none may be shorter than the delay), heap after GC at the end
 * and at its peak, and threads.
 */
public final class CrawlBench {
  private CrawlBench() {}

  public static void main(String[] args) throws Exception {
    ipwatch.crawl.fetch.PageFetcher.avoidThreadPerResponse();
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "log4j2-crawler.xml"); // crawl progress lines on stderr
    }
    int hosts = Integer.parseInt(ExtractBench.arg(args, "--hosts", "1000"));
    int seconds = Integer.parseInt(ExtractBench.arg(args, "--seconds", "60"));
    int pages = Integer.parseInt(ExtractBench.arg(args, "--pages-per-host", String.valueOf(seconds)));
    int crawlDelay = Integer.parseInt(ExtractBench.arg(args, "--crawl-delay", "1"));
    Path config = Path.of(ExtractBench.arg(args, "--config", "config/crawler.yaml"));
    Path tmp = Files.createTempDirectory("ipwatch-crawlbench");
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("evidence.dir", tmp.resolve("evidence").toString());
    overrides.put("state.dir", tmp.resolve("state").toString());
    overrides.putAll(sets(args));
    try {
      run(hosts, seconds, pages, crawlDelay, config, overrides);
    } finally {
      deleteTree(tmp);
    }
  }

  private static void run(int hosts, int seconds, int pages, int crawlDelay, Path config,
      Map<String, String> overrides) throws Exception {
    CrawlerSettings s = CrawlerSettings.from(Config.load(config, System.getenv()).with(overrides));
    Duration delay = s.minDelay().compareTo(Duration.ofSeconds(crawlDelay)) > 0 ? s.minDelay()
        : Duration.ofSeconds(crawlDelay);
    double budget = hosts * 1e9 / delay.toNanos();
    System.out.printf(Locale.ROOT, "crawl bench: %d loopback hosts x %d product pages, %d s, Crawl-delay %d s, "
        + "budget %.0f requests/s%n", hosts, pages, seconds, crawlDelay, budget);
    System.out.printf(Locale.ROOT, "settings: %s + %s (maxConcurrency.global=%d perHost=%d politeness.minDelay=%s "
        + "images.maxPerListing=%d)%n", config, overrides, s.maxConcurrencyGlobal(), s.maxConcurrencyPerHost(),
        s.minDelay(), s.imagesPerListing());
    System.out.println("jvm: " + String.join(" ", JvmProbe.flags()));
    Counting sink = new Counting();
    JvmProbe probe = new JvmProbe();
    try (LoopbackHosts server = new LoopbackHosts(hosts, pages, crawlDelay)) {
      Crawler crawler = new Crawler(s, new FileEvidenceStore(s.evidenceDir()), sink, sink);
      List<URI> seeds = server.roots();
      probe.cpuFromNow();
      long t0 = System.nanoTime();
      Thread crawl = new Thread(() -> crawler.crawl(seeds, hosts * (pages + 1)), "bench-crawl");
      crawl.start();
      long deadline = t0 + seconds * 1_000_000_000L;
      while (crawl.isAlive() && System.nanoTime() < deadline) {
        crawl.join(Math.max(1, Math.min(500, (deadline - System.nanoTime()) / 1_000_000)));
        probe.sample();
      }
      long end = Math.min(System.nanoTime(), deadline);
      probe.cpuUntilNow();
      long heapAtEnd = probe.heapAfterFullGc(); // the crawler still holds its state here: this is its live set
      crawl.interrupt();
      crawl.join(10_000);
      crawler.close();
      server.close();
      report(server.log(), t0, end, seconds, budget, delay, sink, heapAtEnd, probe, crawler);
    }
  }

  private static void report(RequestLog log, long t0, long end, int seconds, double budget, Duration delay,
      Counting sink, long heapAtEnd, JvmProbe probe, Crawler crawler) {
    long warm = Math.min(10, Math.max(1, seconds / 6)) * 1_000_000_000L;
    double window = (end - t0 - warm) / 1e9;
    long inWindow = log.between(t0 + warm, end);
    double rate = inWindow / window;
    System.out.printf(Locale.ROOT, "requests: %d in all (%d images), %d in the measured %.1f s after %d s warm-up%n",
        log.total(), log.images(), inWindow, window, warm / 1_000_000_000L);
    System.out.printf(Locale.ROOT, "throughput: %.1f requests/s = %.3f of the budget (%.0f/s); overall %.1f/s%n",
        rate, rate / budget, budget, log.total() / ((end - t0) / 1e9));
    long[] g = log.gaps();
    long below = java.util.Arrays.stream(g).filter(x -> x < delay.toNanos()).count();
    if (g.length > 0) {
      System.out.printf(Locale.ROOT, "per-host gaps: n=%d min=%.1f ms p50=%.1f ms p99=%.1f ms max=%.1f ms; "
          + "below the %d ms delay: %d%n", g.length, g[0] / 1e6, pct(g, 0.50) / 1e6, pct(g, 0.99) / 1e6,
          g[g.length - 1] / 1e6, delay.toMillis(), below);
      System.out.println("shortest gaps (r=robots.txt s=sitemap h=root p=page i=image): " + log.shortest(5));
      System.out.println("longest gaps: " + log.longest(5));
    }
    System.out.printf(Locale.ROOT, "crawler: pages=%d listings=%d (with image sha256: %d) errors=%d%n",
        crawler.metrics().pagesFetched(), sink.listings.sum(), sink.hashed.sum(), sink.errors.sum());
    sink.firstErrors.forEach(e -> System.out.println("  error: " + e.url() + " " + e.status() + " " + e.cause()));
    System.out.printf(Locale.ROOT, "heap: %.1f MB after GC at the end, %.1f MB peak after GC, %.1f MB peak used%n",
        heapAtEnd / 1e6, probe.peakAfterGc() / 1e6, probe.peakUsed() / 1e6);
    System.out.println("threads: " + probe.threads());
    System.out.printf(Locale.ROOT, "cpu: %.1f s of process CPU in %.1f s (servers included) = %.2f ms per request; "
        + "%d CPUs, load average %.1f at the end%n", probe.cpuNanos() / 1e9, (end - t0) / 1e9,
        probe.cpuNanos() / 1e6 / Math.max(1, log.total()), Runtime.getRuntime().availableProcessors(),
        JvmProbe.loadAverage());
  }

  private static long pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * (sorted.length - 1)))];
  }

  private static Map<String, String> sets(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--set")) {
        String[] kv = args[i + 1].split("=", 2);
        if (kv.length != 2) {
          throw new IllegalArgumentException("--set wants key=value, got " + args[i + 1]);
        }
        out.put(kv[0], kv[1]);
      }
    }
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Counts what the crawler hands out instead of keeping it, so the heap figures are the crawler's own. */
  private static final class Counting implements ListingSink, ErrorSink {
    final LongAdder listings = new LongAdder();
    final LongAdder hashed = new LongAdder();
    final LongAdder errors = new LongAdder();
    final List<CrawlError> firstErrors = new CopyOnWriteArrayList<>();

    @Override
    public void accept(Listing l) {
      listings.increment();
      if (!l.images().isEmpty() && l.images().get(0).sha256() != null) {
        hashed.increment();
      }
    }

    @Override
    public void accept(CrawlError e) {
      errors.increment();
      if (firstErrors.size() < 5) {
        firstErrors.add(e);
      }
    }

    @Override
    public void close() {}
  }
}
