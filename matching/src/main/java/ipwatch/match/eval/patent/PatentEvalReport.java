package ipwatch.match.eval.patent;

import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts PATENT_CLAIM flags per class and prints precision, recall and the false-positive rate per negative class.
 * A listing of a negative class counts as flagged when it gets any flag it should not: for {@code same-domain} a
 * flag for a patent other than the described one, for the others any flag. Precision is over every flag the
 * matcher emitted, except the described patent's flag on same-domain listings (which stands for an unregistered
 * patent). The targets were set before the first run.
 */
public final class PatentEvalReport {
  private static final Map<String, Double> MAX_RATE = Map.of(
      PatentEvalSet.PARTIAL, 0.10, PatentEvalSet.SAME_DOMAIN, 0.05, PatentEvalSet.UNRELATED, 0.01,
      PatentEvalSet.EXPIRED, 0.0, PatentEvalSet.WRONG_JURISDICTION, 0.0);
  static final double MIN_RECALL = 0.80;
  static final double MIN_PRECISION = 0.90;

  private final Map<String, int[]> groups = new LinkedHashMap<>(); // listings, flagged
  private final List<String> examples = new ArrayList<>();
  private final int maxExamples;
  private int flags;
  private int correctFlags;

  PatentEvalReport(int maxExamples) {
    this.maxExamples = maxExamples;
  }

  void add(PatentCase c, List<Flag> found) {
    List<Flag> patentFlags = found.stream().filter(f -> f.kind() == FlagKind.PATENT_CLAIM).toList();
    int[] g = groups.computeIfAbsent(c.group(), k -> new int[2]);
    g[0]++;
    boolean forSource = patentFlags.stream().anyMatch(f -> f.assetId().equals(c.sourceAssetId()));
    long others = patentFlags.stream().filter(f -> !f.assetId().equals(c.sourceAssetId())).count();
    boolean hit;
    if (c.group().equals(PatentEvalSet.POSITIVE)) {
      hit = forSource;
      correctFlags += forSource ? 1 : 0;
      flags += patentFlags.size();
    } else if (c.group().equals(PatentEvalSet.SAME_DOMAIN)) {
      hit = others > 0;
      flags += (int) others;
    } else {
      hit = !patentFlags.isEmpty();
      flags += patentFlags.size();
    }
    g[1] += hit ? 1 : 0;
    boolean wrong = c.group().equals(PatentEvalSet.POSITIVE) ? !hit : hit;
    if (wrong && examples.size() < maxExamples) {
      examples.add("[" + c.group() + "] " + c.sourceAssetId() + " -> "
          + patentFlags.stream().map(f -> f.assetId() + " " + f.score()).toList() + ": " + c.listing().title());
    }
  }

  public int listings(String group) {
    return groups.getOrDefault(group, new int[2])[0];
  }

  public int flagged(String group) {
    return groups.getOrDefault(group, new int[2])[1];
  }

  public double rate(String group) {
    int n = listings(group);
    return n == 0 ? 0 : (double) flagged(group) / n;
  }

  public int flags() {
    return flags;
  }

  public int correctFlags() {
    return correctFlags;
  }

  public double precision() {
    return flags == 0 ? 1.0 : (double) correctFlags / flags;
  }

  public double recall() {
    return rate(PatentEvalSet.POSITIVE);
  }

  /** Prints the table; true when every target is met. */
  boolean print(PrintStream out) {
    out.printf(Locale.ROOT, "%n%-38s %7s %8s %8s %8s%n", "class", "n", "flagged", "rate", "target");
    boolean ok = row(out, "PATENT_CLAIM recall (positive)", PatentEvalSet.POSITIVE, MIN_RECALL, true);
    for (String g : List.of(PatentEvalSet.PARTIAL, PatentEvalSet.SAME_DOMAIN, PatentEvalSet.UNRELATED,
        PatentEvalSet.EXPIRED, PatentEvalSet.WRONG_JURISDICTION)) {
      ok &= row(out, "false positives " + g, g, MAX_RATE.get(g), false);
    }
    boolean pOk = precision() >= MIN_PRECISION;
    out.printf(Locale.ROOT, "%-38s %7d %8d %8.4f %8s  %s%n", "PATENT_CLAIM precision (all flags)", flags,
        correctFlags, precision(), ">=" + MIN_PRECISION, pOk ? "ok" : "MISSED");
    examples.forEach(e -> out.println("  " + e));
    out.println(ok && pOk ? "all targets met" : "some targets missed");
    return ok && pOk;
  }

  private boolean row(PrintStream out, String name, String group, double target, boolean atLeast) {
    double rate = rate(group);
    boolean ok = atLeast ? rate >= target : rate <= target;
    out.printf(Locale.ROOT, "%-38s %7d %8d %8.4f %8s  %s%n", name, listings(group), flagged(group), rate,
        (atLeast ? ">=" : "<=") + target, ok ? "ok" : "MISSED");
    return ok;
  }
}
