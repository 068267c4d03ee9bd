package ipwatch.match.bench;

import ipwatch.match.ListingMatcher;
import ipwatch.match.MatchSettings;
import ipwatch.match.Registry;
import ipwatch.match.text.ListingText;
import ipwatch.model.Listing;
import ipwatch.model.Trademark;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ipwatch bench match [--data ../shared/data] [--marks 1000,100000,1000000] [--seconds 10] [--warmup 5]
 * [--fuzzy-monitor-max 1000] [--jvm "-Xms2g -Xmx2g -XX:+AlwaysPreTouch -XX:+UseSerialGC"]}
 *
 * <p>Single-thread throughput in listings per CPU-second of the measuring thread over the real Abt-Buy titles, per registry size, each size in a fresh
 * JVM with pinned flags: the tokenize-only floor, the full matcher (exact, lookalike, context, gating, price), and
 * Lucene's monitor with exact term/phrase queries (and with one-edit fuzzy queries up to
 * {@code --fuzzy-monitor-max} marks: beyond that a fuzzy run takes hours, see docs/performance.md). Prints the
 * table and the ratios the issue sets goals for. Not a test: no assertion, nothing fails on timing.
 */
public final class BenchCommand {
  private BenchCommand() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    if (o.containsKey("child")) {
      child(o, System.out);
    } else {
      System.exit(parent(o, System.out));
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>(Map.of("data", "../shared/data", "marks", "1000,100000,1000000",
        "seconds", "10", "warmup", "5", "fuzzy-monitor-max", "1000",
        "jvm", "-Xms2g -Xmx2g -XX:+AlwaysPreTouch -XX:+UseSerialGC"));
    for (int i = 0; i < args.length; i++) {
      String key = args[i].replaceFirst("^--", "");
      o.put(key, key.equals("child") ? "true" : args[++i]);
    }
    return o;
  }

  private static int parent(Map<String, String> o, PrintStream out) throws Exception {
    if (!Files.isDirectory(Path.of(o.get("data"), "listings/abt_buy"))) {
      System.err.println("ipwatch bench match: no real data at " + Path.of(o.get("data")).toAbsolutePath());
      return 2;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Map<String, String>> results = new ArrayList<>();
    for (String size : o.get("marks").split(",")) {
      List<String> cmd = new ArrayList<>(List.of(java));
      cmd.addAll(List.of(o.get("jvm").trim().split("\\s+")));
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchCommand.class.getName(), "--child",
          "--marks", size.trim(), "--data", o.get("data"), "--seconds", o.get("seconds"), "--warmup",
          o.get("warmup"), "--fuzzy-monitor-max", o.get("fuzzy-monitor-max")));
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("RESULT ")) {
            results.add(parse(line));
            out.println("  " + line); // each size's figures as soon as they exist (a 1M run takes long)
            out.flush();
          } else {
            out.println("  " + line);
          }
        }
      }
      if (p.waitFor() != 0) {
        System.err.println("ipwatch bench match: the run with " + size + " marks failed");
        return 1;
      }
    }
    BenchReport.print(out, results, o);
    return 0;
  }

  private static Map<String, String> parse(String line) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : line.substring(7).split(" ")) {
      int eq = kv.indexOf('=');
      m.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return m;
  }

  private static void child(Map<String, String> o, PrintStream out) throws Exception {
    Path data = Path.of(o.get("data"));
    int size = Integer.parseInt(o.get("marks"));
    double seconds = Double.parseDouble(o.get("seconds"));
    double warmup = Double.parseDouble(o.get("warmup"));
    List<Listing> listings = BenchData.listings(data);
    List<Trademark> marks = BenchData.marks(data, size, 42);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("marks", size);
    r.put("listings", listings.size());
    r.put("tokenize", rate(listings, l -> ListingText.of(l).title().size(), warmup, seconds));

    long t0 = System.nanoTime();
    Registry registry = Registry.of(marks);
    marks = null; // what the registry retains is measured without the input list (the monitor gets a fresh one)
    r.put("registerSeconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
    long heap = usedHeapMb();
    r.put("heapMb", heap);
    out.printf(Locale.ROOT, "%d marks registered in %s s; heap retained after GC: %d MB%n", size,
        r.get("registerSeconds"), heap);
    out.flush();
    ListingMatcher matcher = new ListingMatcher(registry, MatchSettings.defaults());
    Instant now = Instant.now();
    int[] flags = {0};
    r.put("matcher", rate(listings, l -> flags[0] += matcher.match(l, now).size(), warmup, seconds));
    r.put("flagsPerPass", flags[0]);
    registry = null; // the monitor gets the heap to itself
    usedHeapMb();

    marks = BenchData.marks(data, size, 42);
    t0 = System.nanoTime();
    try (MonitorBaseline monitor = new MonitorBaseline(marks, false)) {
      r.put("monitorRegisterSeconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
      r.put("monitor", rate(listings, l -> unchecked(() -> monitor.match(l)), warmup, seconds));
      r.put("monitorQueriesPerListing", String.format(Locale.ROOT, "%.1f", monitor.queriesRunPerListing()));
    }
    if (size <= Integer.parseInt(o.get("fuzzy-monitor-max"))) {
      try (MonitorBaseline monitor = new MonitorBaseline(marks, true)) {
        r.put("monitorFuzzy", rate(listings, l -> unchecked(() -> monitor.match(l)), warmup / 2, seconds / 2));
        r.put("monitorFuzzyQueriesPerListing", String.format(Locale.ROOT, "%.1f", monitor.queriesRunPerListing()));
      }
    }
    StringBuilder line = new StringBuilder("RESULT");
    r.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    out.println(line);
  }

  interface IoCall {
    int call() throws Exception;
  }

  private static int unchecked(IoCall c) {
    try {
      return c.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Listings per second of {@code work} over the listings, round after round, after a warm-up. */
  private static String rate(
      List<Listing> listings, java.util.function.ToIntFunction<Listing> work, double warmup, double seconds) {
    run(listings, work, warmup);
    double[] result = run(listings, work, seconds);
    return String.format(Locale.ROOT, "%.0f", result[0] / result[1]);
  }

  private static long sink;

  private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Runs rounds over the listings for {@code s} seconds of this thread's CPU time and returns {listings, CPU
   * seconds}. CPU time, not wall time: the machine is shared (builds, other benchmarks), and a wall clock would
   * measure the neighbours; what we want is the cost of a listing on one core.
   */
  private static double[] run(List<Listing> listings, java.util.function.ToIntFunction<Listing> work, double s) {
    long start = THREADS.getCurrentThreadCpuTime();
    long end = start + (long) (s * 1e9);
    long count = 0;
    long now;
    do {
      for (Listing l : listings) {
        sink += work.applyAsInt(l);
      }
      count += listings.size();
      now = THREADS.getCurrentThreadCpuTime();
    } while (now < end);
    return new double[] {count, (now - start) / 1e9};
  }

  private static long usedHeapMb() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }
}
