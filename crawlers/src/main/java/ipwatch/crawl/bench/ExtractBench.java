package ipwatch.crawl.bench;

import ipwatch.crawl.extract.ListingExtractor;
import ipwatch.crawl.extract.Marketplaces;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * {@code bench extract [--pages DIR] [--seconds N] [--marketplaces DIR]}: parse + extract throughput on real product
 * pages (the *.html or *.html.gz files of DIR), single thread, so the figure is pages per second per core. Warms up for
 * a third of the time, then measures. Prints pages/s, MB/s and the mean page size.
 */
public final class ExtractBench {
  private ExtractBench() {}

  public static void main(String[] args) throws IOException {
    Path pages = Path.of(arg(args, "--pages", "crawlers/src/test/resources/product-pages/html"));
    double seconds = Double.parseDouble(arg(args, "--seconds", "20"));
    Marketplaces markets = Marketplaces.load(Path.of(arg(args, "--marketplaces", "config/marketplaces")));
    List<byte[]> bodies = load(pages);
    if (bodies.isEmpty()) {
      throw new IllegalArgumentException("no pages in " + pages);
    }
    ListingExtractor extractor = new ListingExtractor(markets);
    URI url = URI.create("https://bench.example/p/1");
    run(extractor, url, bodies, (long) (seconds / 3 * 1e9)); // warm-up: JIT and jsoup caches
    long bytes = bodies.stream().mapToLong(b -> b.length).sum();
    long start = System.nanoTime();
    long n = run(extractor, url, bodies, (long) (seconds * 1e9));
    double s = (System.nanoTime() - start) / 1e9;
    double perPage = (double) bytes / bodies.size();
    System.out.printf(Locale.ROOT, "extract: %d pages (mean %.0f KB) in %.1f s: %.1f pages/s per core, %.1f MB/s%n",
        n, perPage / 1024, s, n / s, n * perPage / s / 1e6);
  }

  private static long run(ListingExtractor extractor, URI url, List<byte[]> bodies, long nanos) throws IOException {
    long end = System.nanoTime() + nanos;
    long n = 0;
    while (System.nanoTime() < end) {
      for (byte[] b : bodies) {
        extractor.extract(url, Jsoup.parse(new ByteArrayInputStream(b), null, url.toString()));
        n++;
      }
    }
    return n;
  }

  private static List<byte[]> load(Path dir) throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".html.gz")) {
          try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            out.add(in.readAllBytes());
          }
        } else if (name.endsWith(".html")) {
          out.add(Files.readAllBytes(f));
        }
      }
    }
    return out;
  }

  static String arg(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }
}
