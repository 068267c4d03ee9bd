package ipwatch.link.eval;

import ipwatch.link.eval.SellerNetworkGenerator.Account;
import ipwatch.link.seller.SellerIdentifiers;
import ipwatch.link.seller.SellerLinker;
import ipwatch.link.seller.SellerSettings;
import ipwatch.model.config.Config;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ipwatch eval sellers [--operators 2000] [--seed 7] [--config file]}: links generated accounts
 * ({@link SellerNetworkGenerator}) with the same {@link SellerLinker} as the job, in a shuffled order, and prints
 * precision and recall of same-operator account pairs. Exit 1 when precision < 0.99 or recall < 0.95.
 */
public final class SellerLinkEval {
  private SellerLinkEval() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> opts = new HashMap<>(Map.of("operators", "2000", "seed", "7"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].matches("--(operators|seed|config)")) {
        err.println("ipwatch eval sellers: unexpected argument '" + args[i] + "'");
        return 2;
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    SellerSettings settings = opts.containsKey("config")
        ? SellerSettings.from(Config.load(Path.of(opts.get("config")), System.getenv()))
        : SellerSettings.defaults();
    long seed = Long.parseLong(opts.get("seed"));
    List<Account> accounts = new ArrayList<>(new SellerNetworkGenerator(seed).generate(
        Integer.parseInt(opts.get("operators"))));
    java.util.Collections.shuffle(accounts, new java.util.Random(seed + 1));
    SellerLinker linker = new SellerLinker(settings);
    SellerIdentifiers ids = new SellerIdentifiers(settings);
    Map<String, Integer> operatorOf = new HashMap<>();
    for (Account a : accounts) {
      String key = SellerIdentifiers.sellerKey(a.listing()).orElseThrow();
      operatorOf.put(key, a.operator());
      linker.observe(key, ids.of(a.listing()));
    }
    long[] c = count(linker.clusters(), operatorOf);
    double precision = c[1] == 0 ? 1 : (double) c[0] / c[1];
    double recall = c[2] == 0 ? 1 : (double) c[0] / c[2];
    out.printf(Locale.ROOT, "IPWatch seller-linking evaluation: %d accounts of %s operators (seed %d), hub limit %d,"
        + " images need %d shared%n", accounts.size(), opts.get("operators"), seed,
        settings.maxSellersPerIdentifier(), settings.minSharedImages());
    out.printf(Locale.ROOT, "  same-operator pairs: precision %.4f (%d of %d linked pairs; goal >= 0.99),"
        + " recall %.4f (%d of %d true pairs; goal >= 0.95)%n", precision, c[0], c[1], recall, c[0], c[2]);
    return precision >= 0.99 && recall >= 0.95 ? 0 : 1;
  }

  /** {true positives, predicted pairs, true pairs}, counted per cluster and per operator without listing pairs. */
  static long[] count(Map<String, String> clusterOf, Map<String, Integer> operatorOf) {
    Map<String, Long> perCluster = new HashMap<>();
    Map<Integer, Long> perOperator = new HashMap<>();
    Map<String, Long> perBoth = new HashMap<>();
    clusterOf.forEach((key, cluster) -> {
      perCluster.merge(cluster, 1L, Long::sum);
      perOperator.merge(operatorOf.get(key), 1L, Long::sum);
      perBoth.merge(cluster + "|" + operatorOf.get(key), 1L, Long::sum);
    });
    return new long[] {pairs(perBoth), pairs(perCluster), pairs(perOperator)};
  }

  private static long pairs(Map<?, Long> sizes) {
    return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
  }
}
