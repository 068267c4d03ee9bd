package ipwatch.link.cli;

import ipwatch.link.dup.DuplicatePair;
import ipwatch.link.dup.DuplicateSettings;
import ipwatch.link.dup.NearDuplicates;
import ipwatch.link.seller.SellerSettings;
import ipwatch.model.BadRecordException;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ipwatch near-duplicates --listings listings.jsonl --out pairs.jsonl [--threshold x] [--config file]}: every
 * pair of listings judged the same product, one {@code {"a": id, "b": id, "score": x}} per line. A bad line is
 * reported on stderr with its line number and skipped; the exit code is then 1. Usage errors exit 2.
 */
public final class NearDuplicatesCommand {
  static final int OK = 0;
  static final int BAD_LINES = 1;
  static final int USAGE = 2;
  private static final String USAGE_TEXT = "usage: ipwatch near-duplicates --listings listings.jsonl --out pairs.jsonl"
      + " [--threshold 0..1] [--config config/linking.yaml]";

  private NearDuplicatesCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        out.println(USAGE_TEXT);
        return OK;
      }
      if (!args[i].matches("--(listings|out|threshold|config)") || i + 1 >= args.length) {
        err.println("ipwatch near-duplicates: unexpected argument '" + args[i] + "'\n" + USAGE_TEXT);
        return USAGE;
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    for (String required : new String[] {"listings", "out"}) {
      if (!opts.containsKey(required)) {
        err.println("ipwatch near-duplicates: --" + required + " is required\n" + USAGE_TEXT);
        return USAGE;
      }
    }
    try {
      Config config = opts.containsKey("config") ? Config.load(Path.of(opts.get("config")), System.getenv()) : null;
      DuplicateSettings settings = config == null ? DuplicateSettings.defaults() : DuplicateSettings.from(config);
      SellerSettings sellers = config == null ? SellerSettings.defaults() : SellerSettings.from(config);
      if (opts.containsKey("threshold")) {
        settings = settings.withThreshold(threshold(opts.get("threshold")));
      }
      return find(Path.of(opts.get("listings")), Path.of(opts.get("out")), settings, sellers, err);
    } catch (ConfigException e) {
      err.println("ipwatch near-duplicates: " + e.getMessage());
      return USAGE;
    } catch (IOException | UncheckedIOException e) {
      err.println("ipwatch near-duplicates: " + e.getMessage());
      return USAGE;
    }
  }

  private static double threshold(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new ConfigException("--threshold must be a number between 0 and 1, is '" + s + "'");
    }
  }

  private static int find(Path in, Path outFile, DuplicateSettings settings, SellerSettings sellers, PrintStream err)
      throws IOException {
    if (!Files.isReadable(in)) {
      err.println("ipwatch near-duplicates: cannot read " + in);
      return USAGE;
    }
    int[] bad = {0};
    List<Listing> listings = read(in, err, bad);
    int[] pairs = {0};
    try (BufferedWriter w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
      new NearDuplicates(settings, sellers).run(listings, pair -> {
        write(w, pair);
        pairs[0]++;
      });
    }
    err.println("ipwatch near-duplicates: " + listings.size() + " listings, " + pairs[0] + " pairs written to "
        + outFile + (bad[0] > 0 ? ", " + bad[0] + " bad lines skipped" : ""));
    return bad[0] > 0 ? BAD_LINES : OK;
  }

  private static List<Listing> read(Path file, PrintStream err, int[] bad) throws IOException {
    List<Listing> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          Listing l = Json.read(line, Listing.class);
          if (l.listingId() == null || l.listingId().isBlank()) {
            throw new BadRecordException("listing has no listingId");
          }
          out.add(l);
        } catch (BadRecordException e) {
          bad[0]++;
          err.println(file + ":" + number + ": " + e.getMessage() + " (line skipped)");
        }
      }
    }
    return out;
  }

  private static void write(BufferedWriter w, DuplicatePair pair) {
    try {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("a", pair.a());
      line.put("b", pair.b());
      line.put("score", pair.score());
      w.write(Json.write(line));
      w.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
