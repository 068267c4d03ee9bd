package ipwatch.local.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The bench's final summary: each figure next to its goal, then the memory samples. */
final class LoadReport {
  private final Map<String, String> options;
  private final long sent;
  private final double publishSeconds;
  private final long stalls;
  private final Map<String, Long> lagAtEnd;
  private final Map<String, Long> lagAfterDrain;
  private final PipelineProbe.Stages stagesAtEnd;
  private final PipelineProbe.Stages stagesAfterDrain;
  private final double drainSeconds;
  /** CPU seconds of the stack while publishing, and while publishing plus draining. */
  private final double[] cpu;
  private final long foundByEvents;
  private final CaseWatcher cases;
  private final List<MemorySampler.Sample> memory;
  private final String loadBefore;
  private final String loadAfter;
  private final double startupSeconds;

  LoadReport(Map<String, String> options, long sent, double publishSeconds, long stalls, Map<String, Long> lagAtEnd,
      Map<String, Long> lagAfterDrain, PipelineProbe.Stages stagesAtEnd, PipelineProbe.Stages stagesAfterDrain,
      double drainSeconds, double[] cpu, long foundByEvents, CaseWatcher cases,
      List<MemorySampler.Sample> memory, String loadBefore, String loadAfter, double startupSeconds) {
    this.options = options;
    this.sent = sent;
    this.publishSeconds = publishSeconds;
    this.stalls = stalls;
    this.lagAtEnd = lagAtEnd;
    this.lagAfterDrain = lagAfterDrain;
    this.stagesAtEnd = stagesAtEnd;
    this.stagesAfterDrain = stagesAfterDrain;
    this.drainSeconds = drainSeconds;
    this.cpu = cpu.clone();
    this.foundByEvents = foundByEvents;
    this.cases = cases;
    this.memory = memory;
    this.loadBefore = loadBefore;
    this.loadAfter = loadAfter;
    this.startupSeconds = startupSeconds;
  }

  /** Expected cases not visible when the bench stopped waiting (lost, or still in the pipeline: see the lag). */
  long missing() {
    return cases.expectedCount() - cases.foundNow();
  }

  boolean lostOrDoubled() {
    return missing() > 0 || cases.doubled() > 0;
  }

  void print(PrintStream out) {
    out.println();
    out.println("== Platform load: summary");
    out.printf(Locale.ROOT, "command: ./ipwatch bench platform --rate %s --minutes %s --counterfeit-share %s"
            + " --marks %s --seed %s --warmup-minutes %s%n", options.get("rate"), options.get("minutes"),
        options.get("counterfeit-share"), options.get("marks"), options.get("seed"), options.get("warmup-minutes"));
    out.printf(Locale.ROOT, "machine: %d cores; load average before %s, after %s; stack start-up %.1f s%n",
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, startupSeconds);
    row(out, "figure", "measured", "goal");
    row(out, "publish rate achieved", String.format(Locale.ROOT, "%,.0f listings/s (%,d in %.1f s)",
        sent / publishSeconds, sent, publishSeconds), "2,000/s for 10 min (target " + options.get("rate") + "/s)");
    row(out, "generator stalls", String.valueOf(stalls), "0 (the generator is not the bottleneck)");
    row(out, "publish -> case event at the client", cases.latencies().describe(), "p99 <= 3 s");
    row(out, "publish -> case createdAt (server)", cases.createdLatencies().describe(),
        "the pipeline alone (visible at its batch's commit, shortly after)");
    LatencySummary warm = cases.createdAfterFirstMinute();
    row(out, "  the same, published after minute 1", warm.count() == 0 ? "none" : warm.describe(),
        "the stack warmed up (JIT, caches); the first minute is in the per-minute lines below");
    row(out, "cases expected / found", String.format(Locale.ROOT, "%,d / %,d (%,d by the event stream, the rest by"
        + " the final sweep)", cases.expectedCount(), cases.foundNow(), foundByEvents), "all found");
    row(out, "cases missing at the end", String.valueOf(missing()),
        "0 (missing = lost, or still in the pipeline when the drain ended: see the lag and stages)");
    row(out, "cases doubled (same listing+asset)", String.valueOf(cases.doubled()), "0");
    row(out, "other cases (not a bench counterfeit)", String.valueOf(cases.unexpected()),
        "few (false positives are a matcher figure)");
    row(out, "consumer lag, end of publishing", String.valueOf(lagAtEnd), "small (records)");
    row(out, "consumer lag, after drain", String.valueOf(lagAfterDrain), "0");
    row(out, "stages, end of publishing", stagesAtEnd.describe(), "");
    row(out, "stages, after drain", stagesAfterDrain.describe(), "");
    row(out, "drain after publishing", String.format(Locale.ROOT, "%.1f s", drainSeconds), "a few seconds");
    row(out, "CPU the stack got (JVM + Elasticsearch)", String.format(Locale.ROOT,
        "%.0f s while publishing (%.2f cores of %d), %.0f s incl. drain (%.2f cores)", cpu[0],
        cpu[0] / publishSeconds, Runtime.getRuntime().availableProcessors(), cpu[1],
        cpu[1] / (publishSeconds + drainSeconds)), "the rest went to other processes on the machine");
    row(out, "heap after GC (this JVM)", trend(MemorySampler.Sample::heapAfterGcMb), "bounded: no upward trend");
    row(out, "JVM RSS (heap + RocksDB + native)", trend(MemorySampler.Sample::jvmRssMb), "bounded: no upward trend");
    row(out, "Elasticsearch RSS", trend(MemorySampler.Sample::esRssMb), "bounded: no upward trend");
    row(out, "what the watcher read", String.format(Locale.ROOT, "%,d case events, %d reconnects; sweep %,d"
        + " requests (%,d answered 429/503)", cases.events(), cases.reconnects(), cases.requests(), cases.throttled()),
        "");
    List<String> others = cases.otherCasesExplained();
    if (!others.isEmpty()) {
      out.println("other cases by what the listing was -> the case's kind:");
      others.forEach(line -> out.println("  " + line));
    }
    out.println("memory samples (once a minute, plus before and after):");
    memory.forEach(s -> out.println(MemorySampler.describe(s)));
    out.println("publish -> case createdAt (server) by the minute the counterfeit was published:");
    cases.createdByMinute().forEach((minute, l) -> out.printf(Locale.ROOT, "  minute %3d   %s%n", minute,
        l.describe()));
    out.println("publish -> case event at the client by the minute the counterfeit was published:");
    cases.visibleByMinute().forEach((minute, l) -> out.printf(Locale.ROOT, "  minute %3d   %s%n", minute,
        l.describe()));
    out.println("case createdAt (its ingestion transaction began) -> case event at the client, by the minute the"
        + " counterfeit was published:");
    cases.afterCreatedByMinute().forEach((minute, l) -> out.printf(Locale.ROOT, "  minute %3d   %s%n", minute,
        l.describe()));
    LatencySummary perTx = cases.casesPerTransaction();
    if (perTx.count() > 0) {
      out.printf(Locale.ROOT, "ingestion transactions seen on the stream: %,d; cases each p50 %d  p99 %d  max %d;"
              + " createdAt -> first event at the client %s%n", perTx.count(), perTx.percentile(50),
          perTx.percentile(99), perTx.max(), cases.transactionToFirstEvent().describe());
    }
    var slow = cases.slowWindows(3_000);
    out.println("10-second windows of publication with a client-side p99 over 3 s (UTC): " + (slow.isEmpty() ? "none"
        : slow.size()));
    slow.entrySet().stream().limit(30).forEach(w -> out.printf(Locale.ROOT, "  %s   %s%n",
        w.getKey().toString().substring(11, 19), w.getValue().describe()));
    out.println(lostOrDoubled() ? "RESULT: FAILED - expected cases missing or doubled" : "RESULT: every expected case"
        + " found exactly once");
  }

  private String trend(ToLongFunction<MemorySampler.Sample> f) {
    if (memory.isEmpty()) {
      return "no samples";
    }
    long first = f.applyAsLong(memory.get(0));
    long last = f.applyAsLong(memory.get(memory.size() - 1));
    long max = memory.stream().mapToLong(f).max().orElse(0);
    return String.format(Locale.ROOT, "%d -> %d MB (max %d), slope %+.1f MB/min", first, last, max,
        slope(memory, f));
  }

  /** Least-squares slope of the samples in MB per minute. */
  static double slope(List<MemorySampler.Sample> samples, ToLongFunction<MemorySampler.Sample> f) {
    int n = samples.size();
    if (n < 2) {
      return 0;
    }
    double mx = samples.stream().mapToDouble(MemorySampler.Sample::minute).average().orElse(0);
    double my = samples.stream().mapToLong(f).average().orElse(0);
    double num = 0;
    double den = 0;
    for (MemorySampler.Sample s : samples) {
      num += (s.minute() - mx) * (f.applyAsLong(s) - my);
      den += (s.minute() - mx) * (s.minute() - mx);
    }
    return den == 0 ? 0 : num / den;
  }

  private static void row(PrintStream out, String figure, String measured, String goal) {
    out.printf(Locale.ROOT, "  %-40s %-62s %s%n", figure, measured, goal);
  }
}
