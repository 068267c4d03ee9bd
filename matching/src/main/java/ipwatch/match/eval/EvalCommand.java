package ipwatch.match.eval;

import ipwatch.match.ListingMatcher;
import ipwatch.match.MatchSettings;
import ipwatch.match.Registry;
import ipwatch.model.Flag;
import ipwatch.model.config.Config;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ipwatch eval match [--data ../shared/data] [--seed 7] [--generated-marks 0] [--config FILE]
 * [--examples N]}: builds the labelled set ({@link EvalSet}) from the real data, runs every listing through the
 * same {@link ListingMatcher} as the job and the batch command, and prints precision, recall per variant class and
 * the flag rate per negative class against the targets. Exit code 1 when a target is missed, 2 on usage errors.
 */
public final class EvalCommand {
  private EvalCommand() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>(Map.of("data", "../shared/data", "seed", "7",
        "generated-marks", "0", "examples", "0"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--") || !opts.containsKey(args[i].substring(2)) && !args[i].equals("--config")) {
        err.println("ipwatch eval match: unexpected argument '" + args[i] + "'");
        return 2;
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    Path data = Path.of(opts.get("data"));
    if (!Files.isDirectory(data.resolve("listings/abt_buy"))) {
      err.println("ipwatch eval match: no real data at " + data.toAbsolutePath() + " (--data DIR, the shared/data"
          + " folder); the listings are not in this repository by licence");
      return 2;
    }
    MatchSettings settings = opts.containsKey("config")
        ? MatchSettings.from(Config.load(Path.of(opts.get("config")), System.getenv()))
        : MatchSettings.defaults();
    EvalSet.Built set = new EvalSet(Long.parseLong(opts.get("seed")))
        .build(RealData.simpleIcons(data), RealData.abtBuy(data), Integer.parseInt(opts.get("generated-marks")));
    ListingMatcher matcher = new ListingMatcher(Registry.of(set.registry()), settings);
    EvalReport report = new EvalReport(Integer.parseInt(opts.get("examples")));
    Instant now = Instant.now();
    for (EvalCase c : set.cases()) {
      List<Flag> flags = new ArrayList<>(matcher.match(c.listing(), now));
      report.add(c, flags);
    }
    out.printf(Locale.ROOT, "IPWatch matching evaluation: %d listings, %d registered marks (%d generated), seed %s,"
        + " alert threshold %.2f%n", set.cases().size(), set.registry().size(),
        Integer.parseInt(opts.get("generated-marks")), opts.get("seed"), settings.alertThreshold());
    return report.print(out) ? 0 : 1;
  }
}
