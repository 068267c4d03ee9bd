package ipwatch.match.eval;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.model.Csv;
import ipwatch.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the third-party data the evaluation and the benchmark run on, from {@code ../shared/data} at run time. The
 * Abt-Buy listings may not be copied into this repository (research licence), so nothing here caches or writes
 * them.
 */
public final class RealData {
  private RealData() {}

  /** A real product listing: its title and price (Abt-Buy "name" and "price"). */
  public record RealListing(String source, String title, String price) {}

  /** Listings of {@code listings/abt_buy/tableA.csv} and {@code tableB.csv}. */
  public static List<RealListing> abtBuy(Path dataDir) throws IOException {
    List<RealListing> out = new ArrayList<>();
    for (String table : new String[] {"tableA.csv", "tableB.csv"}) {
      Path file = dataDir.resolve("listings/abt_buy").resolve(table);
      List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
      for (List<String> row : rows.subList(1, rows.size())) {
        if (row.size() >= 2 && !row.get(1).isBlank()) {
          out.add(new RealListing("abt_buy/" + table + "#" + row.get(0), row.get(1).trim(),
              row.size() > 3 ? row.get(3).trim() : ""));
        }
      }
    }
    return out;
  }

  /** A real product listing with its description (Abt-Buy "name" and "description"; the description may be empty). */
  public record DescribedListing(String source, String title, String description) {}

  /** Listings of {@code listings/abt_buy/tableA.csv} and {@code tableB.csv} with their descriptions. */
  public static List<DescribedListing> abtBuyDescribed(Path dataDir) throws IOException {
    List<DescribedListing> out = new ArrayList<>();
    for (String table : new String[] {"tableA.csv", "tableB.csv"}) {
      Path file = dataDir.resolve("listings/abt_buy").resolve(table);
      List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
      for (List<String> row : rows.subList(1, rows.size())) {
        if (row.size() >= 2 && !row.get(1).isBlank()) {
          out.add(new DescribedListing("abt_buy/" + table + "#" + row.get(0), row.get(1).trim(),
              row.size() > 2 ? row.get(2).trim() : ""));
        }
      }
    }
    return out;
  }

  /** Brand names of {@code brands/simple-icons.json} (the "title" of each icon). */
  public static List<String> simpleIcons(Path dataDir) throws IOException {
    JsonNode root = Json.mapper().readTree(dataDir.resolve("brands/simple-icons.json").toFile());
    List<String> names = new ArrayList<>();
    for (JsonNode icon : root) {
      names.add(icon.get("title").asText());
    }
    return names;
  }
}
