package ipwatch.match.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the benchmark table and the ratios the matching issue sets goals for. */
final class BenchReport {
  private BenchReport() {}

  static void print(PrintStream out, List<Map<String, String>> results, Map<String, String> options) {
    out.printf(Locale.ROOT, "%nIPWatch matching benchmark: %s listings (Abt-Buy titles), 1 thread, %s s per"
        + " measurement after %s s warm-up, fresh JVM per size: %s (java %s)%n%n",
        results.isEmpty() ? "?" : results.get(0).get("listings"), options.get("seconds"), options.get("warmup"),
        options.get("jvm"), System.getProperty("java.version"));
    out.printf(Locale.ROOT, "%10s %12s %12s %12s %14s %10s %10s %12s%n", "marks", "tokenize/s", "matcher/s",
        "monitor/s", "monitorFuzzy/s", "heap MB", "index s", "monitor idx s");
    for (Map<String, String> r : results) {
      out.printf(Locale.ROOT, "%10s %12s %12s %12s %14s %10s %10s %12s%n", r.get("marks"), r.get("tokenize"),
          r.get("matcher"), r.get("monitor"), r.getOrDefault("monitorFuzzy", "-"), r.get("heapMb"),
          r.get("registerSeconds"), r.get("monitorRegisterSeconds"));
    }
    out.println();
    for (Map<String, String> r : results) {
      double m = d(r, "matcher");
      out.printf(Locale.ROOT, "%8s marks: matcher = %.2f x tokenize-only floor, %.1f x Lucene monitor (exact; goal >= 10:"
          + " %s)%s; the floor itself is %.1f x the monitor%n",
          r.get("marks"), m / d(r, "tokenize"), m / d(r, "monitor"), m / d(r, "monitor") >= 10 ? "met" : "not met",
          r.containsKey("monitorFuzzy") ? String.format(Locale.ROOT, ", %.0f x monitor with fuzzy queries",
              m / d(r, "monitorFuzzy")) : "", d(r, "tokenize") / d(r, "monitor"));
    }
    for (Map<String, String> r : results) {
      if (r.containsKey("monitorQueriesPerListing")) {
        out.printf(Locale.ROOT, "%8s marks: the monitor's presearcher ran %s mark queries per listing (exact)%s%n",
            r.get("marks"), r.get("monitorQueriesPerListing"), r.containsKey("monitorFuzzyQueriesPerListing")
                ? ", " + r.get("monitorFuzzyQueriesPerListing") + " with fuzzy queries" : "");
      }
    }
    if (results.size() > 1) {
      Map<String, String> first = results.get(0);
      Map<String, String> last = results.get(results.size() - 1);
      out.printf(Locale.ROOT, "slowdown from %s to %s marks: %.2f x (goal <= 2)%n", first.get("marks"),
          last.get("marks"), d(first, "matcher") / d(last, "matcher"));
    }
    Map<String, String> largest = results.get(results.size() - 1);
    out.printf(Locale.ROOT, "heap retained after GC at %s marks (registry records and indexes): %s MB (goal <= 1024:"
        + " %s)%n", largest.get("marks"), largest.get("heapMb"), d(largest, "heapMb") <= 1024 ? "met" : "MISSED");
    results.stream().filter(r -> r.get("marks").equals("100000")).findFirst().ifPresent(r ->
        out.printf(Locale.ROOT, "at 100k marks: %.0f listings/s/core (goal >= 100000)%n", d(r, "matcher")));
  }

  private static double d(Map<String, String> r, String key) {
    return Double.parseDouble(r.get(key));
  }
}
