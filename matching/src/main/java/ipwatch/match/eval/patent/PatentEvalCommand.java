package ipwatch.match.eval.patent;

import ipwatch.match.ListingMatcher;
import ipwatch.match.MatchSettings;
import ipwatch.match.Registry;
import ipwatch.match.eval.RealData;
import ipwatch.match.patent.PatentVocabulary;
import ipwatch.model.config.Config;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ipwatch eval patents [--data ../shared/data] [--grants FILE] [--seed 7] [--unrelated N] [--config FILE]
 * [--examples N]}: PATENT_CLAIM quality on the real US grants (read at run time from {@code
 * DATA/patents/uspto_grants_225.jsonl} unless {@code --grants} names another file) with the labelled listings of
 * {@link PatentEvalSet} and real unrelated listings ({@code DATA/listings/abt_buy}; skipped with a note when absent,
 * {@code --unrelated N} takes the first N). Every listing goes through the same {@link ListingMatcher} as the job.
 * Exit code 1 when a target is missed, 2 on usage errors.
 */
public final class PatentEvalCommand {
  private PatentEvalCommand() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>(Map.of("data", "../shared/data", "seed", "7",
        "unrelated", String.valueOf(Integer.MAX_VALUE), "examples", "0"));
    for (int i = 0; i < args.length; i += 2) {
      String key = args[i].replaceFirst("^--", "");
      if (!args[i].startsWith("--") || i + 1 >= args.length
          || !(opts.containsKey(key) || key.equals("grants") || key.equals("config"))) {
        err.println("ipwatch eval patents: unexpected argument '" + args[i] + "'");
        return 2;
      }
      opts.put(key, args[i + 1]);
    }
    Path data = Path.of(opts.get("data"));
    Path grants = Path.of(opts.getOrDefault("grants", data.resolve("patents/uspto_grants_225.jsonl").toString()));
    if (!Files.isRegularFile(grants)) {
      err.println("ipwatch eval patents: no grants at " + grants.toAbsolutePath() + " (--data DIR or --grants FILE)");
      return 2;
    }
    return evaluate(opts, data, grants, out).map(r -> r.print(out) ? 0 : 1).orElse(2);
  }

  /** Runs the evaluation and prints its header; the report prints the table. */
  static Optional<PatentEvalReport> evaluate(Map<String, String> opts, Path data, Path grantsFile, PrintStream out)
      throws Exception {
    MatchSettings settings = opts.containsKey("config")
        ? MatchSettings.from(Config.load(Path.of(opts.get("config")), System.getenv()))
        : MatchSettings.defaults();
    Instant now = Instant.now();
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    List<PatentGrants.Grant> all = PatentGrants.read(grantsFile, List.of("US"), today.plusYears(10));
    // the registry charts claims with the bundled vocabulary; the set picks chartable claims with the same one
    PatentEvalSet set = new PatentEvalSet(Long.parseLong(opts.get("seed")), PatentVocabulary.bundled());
    List<PatentGrants.Grant> chartable = set.chartable(all);
    List<RealData.DescribedListing> unrelated = List.of();
    if (Files.isDirectory(data.resolve("listings/abt_buy"))) {
      unrelated = RealData.abtBuyDescribed(data);
      unrelated = unrelated.subList(0, Math.min(unrelated.size(), Integer.parseInt(opts.get("unrelated"))));
    } else {
      out.println("note: no listings at " + data.resolve("listings/abt_buy") + "; the unrelated class is empty");
    }
    List<PatentCase> cases = set.build(chartable, unrelated);
    ListingMatcher inForce = new ListingMatcher(Registry.of(chartable.stream().map(PatentGrants.Grant::patent)
        .toList()), settings);
    ListingMatcher expired = new ListingMatcher(Registry.of(chartable.stream()
        .map(g -> PatentGrants.withExpiry(g, today.minusDays(1)).patent()).toList()), settings);
    PatentEvalReport report = new PatentEvalReport(Integer.parseInt(opts.get("examples")));
    for (PatentCase c : cases) {
      report.add(c, (c.expired() ? expired : inForce).match(c.listing(), now));
    }
    out.printf(Locale.ROOT, "IPWatch patent evaluation: %d grants in %s, %d with a chartable independent claim, %d"
        + " listings, seed %s; flag when >= %.2f of the claim's rows are met and the score is >= %.2f%n", all.size(),
        grantsFile.getFileName(), chartable.size(), cases.size(), opts.get("seed"), settings.patent().minCoverage(),
        settings.patent().alertThreshold());
    return Optional.of(report);
  }
}
