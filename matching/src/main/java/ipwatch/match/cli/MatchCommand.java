package ipwatch.match.cli;

import ipwatch.match.ListingMatcher;
import ipwatch.match.MatchSettings;
import ipwatch.match.Records;
import ipwatch.match.Registry;
import ipwatch.model.BadRecordException;
import ipwatch.model.Flag;
import ipwatch.model.Json;
import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code ipwatch match --registry assets.jsonl --listings listings.jsonl --out flags.jsonl [--config file]}: the
 * matcher over files, one JSON record per line, for benchmarks and external evaluations. A bad line is reported on
 * stderr with its line number and skipped; the exit code is then 1 so a script notices. Usage errors exit 2.
 */
public final class MatchCommand {
  static final int OK = 0;
  static final int BAD_LINES = 1;
  static final int USAGE = 2;
  private static final String USAGE_TEXT =
      "usage: ipwatch match --registry assets.jsonl --listings listings.jsonl --out flags.jsonl"
          + " [--config config/stream-jobs.yaml]";

  private final PrintStream err;
  private int badLines;

  private MatchCommand(PrintStream err) {
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        out.println(USAGE_TEXT);
        return OK;
      }
      if (!a.matches("--(registry|listings|out|config)") || i + 1 >= args.length) {
        err.println("ipwatch match: unexpected argument '" + a + "'\n" + USAGE_TEXT);
        return USAGE;
      }
      opts.put(a.substring(2), args[++i]);
    }
    for (String required : new String[] {"registry", "listings", "out"}) {
      if (!opts.containsKey(required)) {
        err.println("ipwatch match: --" + required + " is required\n" + USAGE_TEXT);
        return USAGE;
      }
    }
    try {
      MatchSettings settings =
          opts.containsKey("config")
              ? MatchSettings.from(Config.load(Path.of(opts.get("config")), System.getenv()))
              : MatchSettings.defaults();
      return new MatchCommand(err)
          .match(Path.of(opts.get("registry")), Path.of(opts.get("listings")), Path.of(opts.get("out")), settings);
    } catch (ConfigException e) {
      err.println("ipwatch match: " + e.getMessage());
      return USAGE;
    } catch (IOException | java.io.UncheckedIOException e) {
      // cannot read or write the files at all: as fatal to the run as a wrong argument
      err.println("ipwatch match: " + e.getMessage());
      return USAGE;
    }
  }

  private int match(Path registryFile, Path listingsFile, Path outFile, MatchSettings settings) throws IOException {
    for (Path in : new Path[] {registryFile, listingsFile}) {
      if (!Files.isReadable(in)) {
        err.println("ipwatch match: cannot read " + in);
        return USAGE;
      }
    }
    Registry registry = new Registry();
    forEachRecord(registryFile, Records::asset, registry::put);
    ListingMatcher matcher = new ListingMatcher(registry, settings);
    int[] flags = {0};
    try (BufferedWriter w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
      forEachRecord(
          listingsFile,
          Records::listing,
          listing -> {
            for (Flag flag : matcher.match(listing, Instant.now())) {
              write(w, Json.write(flag));
              flags[0]++;
            }
          });
    }
    err.println(
        "ipwatch match: " + registry.size() + " assets, " + flags[0] + " flags written to " + outFile
            + (badLines > 0 ? ", " + badLines + " bad lines skipped" : ""));
    return badLines > 0 ? BAD_LINES : OK;
  }

  private <T> void forEachRecord(Path file, Function<String, T> reader, Consumer<T> sink) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        T record;
        try {
          record = reader.apply(line);
        } catch (BadRecordException e) {
          badLines++;
          err.println(file + ":" + number + ": " + e.getMessage() + " (line skipped)");
          continue;
        }
        sink.accept(record);
      }
    }
  }

  private static void write(BufferedWriter w, String line) {
    try {
      w.write(line);
      w.newLine();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
