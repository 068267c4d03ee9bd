package ipwatch.match.eval;

import ipwatch.model.Flag;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Counts per group and prints the evaluation table with the targets. */
final class EvalReport {
  private static final List<String> LOOKALIKE_GROUPS = List.of("homoglyph", "edit", "spacing", "leet", "phonetic");
  private static final Map<String, Double> NEGATIVE_TARGETS = Map.of(
      EvalSet.DESCRIPTIVE, 0.05, EvalSet.AUTHORISED, 0.01, EvalSet.UNRELATED, 0.01, EvalSet.UNRELATED_CLASS, 0.01);

  private final Map<String, int[]> groups = new LinkedHashMap<>(); // n, hit (expected asset flagged), right kind
  private final Map<String, List<String>> examples = new LinkedHashMap<>();
  private final int maxExamples;
  private int flags;
  private int correctFlags;

  EvalReport(int maxExamples) {
    this.maxExamples = maxExamples;
  }

  void add(EvalCase c, List<Flag> found) {
    int[] g = groups.computeIfAbsent(c.group(), k -> new int[3]);
    g[0]++;
    flags += found.size();
    boolean hit;
    if (c.positive()) {
      Flag f = found.stream().filter(x -> x.assetId().equals(c.expectedAssetId())).findFirst().orElse(null);
      hit = f != null;
      correctFlags += hit ? 1 : 0;
      boolean rightKind = hit && (c.group().equals(EvalSet.BRAND_USE) == (f.kind() == ipwatch.model.FlagKind.BRAND_USE));
      g[2] += rightKind ? 1 : 0;
      if (!hit) {
        example(c.group(), "missed: brand=\"" + c.listing().brand() + "\" title=\"" + c.listing().title() + "\"");
      }
    } else {
      hit = !found.isEmpty();
      if (hit) {
        example(c.group(), "flagged " + found.get(0).assetId() + " " + found.get(0).kind() + " " + found.get(0).score()
            + ": brand=\"" + c.listing().brand() + "\" title=\"" + c.listing().title() + "\"");
      }
    }
    g[1] += hit ? 1 : 0;
  }

  private void example(String group, String text) {
    List<String> list = examples.computeIfAbsent(group, k -> new ArrayList<>());
    if (list.size() < maxExamples) {
      list.add(text);
    }
  }

  /** Prints the table; true when every target is met. */
  boolean print(PrintStream out) {
    boolean ok = true;
    out.printf(Locale.ROOT, "%n%-26s %7s %8s %8s %8s  %s%n", "class", "n", "flagged", "rate", "target", "");
    ok &= row(out, "recall brand-use", groups.get(EvalSet.BRAND_USE), 0.98, true);
    int[] all = new int[3];
    for (String g : LOOKALIKE_GROUPS) {
      int[] c = groups.getOrDefault(g, new int[3]);
      row(out, "recall lookalike/" + g, c, Double.NaN, true);
      for (int k = 0; k < 3; k++) {
        all[k] += c[k];
      }
    }
    ok &= row(out, "recall lookalike (all)", all, 0.90, true);
    for (String g : List.of(EvalSet.DESCRIPTIVE, EvalSet.AUTHORISED, EvalSet.UNRELATED, EvalSet.UNRELATED_CLASS)) {
      ok &= row(out, "flagged " + g, groups.getOrDefault(g, new int[3]), NEGATIVE_TARGETS.get(g), false);
    }
    double precision = flags == 0 ? 1.0 : (double) correctFlags / flags;
    boolean pOk = precision >= 0.95;
    ok &= pOk;
    out.printf(Locale.ROOT, "%-26s %7d %8d %8.4f %8s  %s%n", "precision (all flags)", flags, correctFlags, precision,
        ">=0.95", pOk ? "ok" : "MISSED");
    int[] bu = groups.get(EvalSet.BRAND_USE);
    out.printf(Locale.ROOT, "%nkind as expected: BRAND_USE for brand-use %d/%d, LOOKALIKE for variants %d/%d%n",
        bu == null ? 0 : bu[2], bu == null ? 0 : bu[1], all[2], all[1]);
    examples.forEach((g, list) -> list.forEach(e -> out.println("  [" + g + "] " + e)));
    out.println(ok ? "all targets met" : "some targets missed");
    return ok;
  }

  private static boolean row(PrintStream out, String name, int[] c, double target, boolean atLeast) {
    if (c == null) {
      c = new int[3];
    }
    double rate = c[0] == 0 ? 0 : (double) c[1] / c[0];
    boolean ok = Double.isNaN(target) || (atLeast ? rate >= target : rate <= target);
    String t = Double.isNaN(target) ? "" : (atLeast ? ">=" : "<=") + target;
    out.printf(Locale.ROOT, "%-26s %7d %8d %8.4f %8s  %s%n", name, c[0], c[1], rate, t,
        Double.isNaN(target) ? "" : ok ? "ok" : "MISSED");
    return ok;
  }
}
