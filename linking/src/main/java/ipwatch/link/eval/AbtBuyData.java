package ipwatch.link.eval;

import ipwatch.model.Csv;
import ipwatch.model.Listing;
import ipwatch.model.Money;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Abt-Buy benchmark read from the shared data folder (never copied into the repository): both shops' rows as
 * {@link Listing}s (title = name), and the labelled pairs of a split.
 */
final class AbtBuyData {
  record LabelledPair(String a, String b, boolean same) {}

  private AbtBuyData() {}

  static List<Listing> listings(Path dir) throws IOException {
    List<Listing> out = new ArrayList<>();
    out.addAll(table(dir.resolve("tableA.csv"), "abt"));
    out.addAll(table(dir.resolve("tableB.csv"), "buy"));
    return out;
  }

  static List<LabelledPair> split(Path dir, String name) throws IOException {
    List<List<String>> rows = Csv.parse(Files.readString(dir.resolve(name + ".csv"), StandardCharsets.UTF_8));
    List<LabelledPair> out = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      out.add(new LabelledPair("abt-" + r.get(0), "buy-" + r.get(1), r.get(2).trim().equals("1")));
    }
    return out;
  }

  private static List<Listing> table(Path file, String shop) throws IOException {
    List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
    List<Listing> out = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      String price = r.size() > 3 && !r.get(3).isBlank() ? r.get(3).trim() : null;
      out.add(new Listing(shop + "-" + r.get(0), shop, null, r.get(1), r.size() > 2 ? r.get(2) : null, null, null,
          price == null ? null : new Money(price, "USD"), null, List.of(), null, null, null, null, null));
    }
    return out;
  }
}
