package ipwatch.match.bench;

import ipwatch.match.eval.MarkNames;
import ipwatch.match.eval.RealData;
import ipwatch.match.text.Normalizer;
import ipwatch.model.Listing;
import ipwatch.model.Money;
import ipwatch.model.Seller;
import ipwatch.model.Trademark;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's inputs: real listings (Abt-Buy titles, read from the shared data folder, with their first word as
 * the brand field for half of them) and a registry of real brand names (simple-icons) padded with generated names,
 * each with classes, jurisdictions, an authorised seller and a reference price, so every registry rule runs.
 */
final class BenchData {
  private static final Instant FETCHED = Instant.parse("2026-01-01T00:00:00Z");

  private BenchData() {}

  static List<Listing> listings(Path data) throws IOException {
    List<Listing> out = new ArrayList<>();
    int i = 0;
    for (RealData.RealListing r : RealData.abtBuy(data)) {
      String brand = i % 2 == 0 ? r.title().split("\\s+")[0] : "";
      String url = "https://bench.example/" + i;
      out.add(new Listing(Listing.idFor("bench", url), "bench", url, r.title(), "", brand, "Electronics",
          r.price().isBlank() ? null : new Money(r.price().replaceAll("[^0-9.]", ""), "USD"), new Seller("bench:s" + (i % 97), "s", null, null),
          List.of(), null, null, null, FETCHED, null));
      i++;
    }
    return out;
  }

  static List<Trademark> marks(Path data, int count, long seed) throws IOException {
    List<Trademark> out = new ArrayList<>(count);
    Set<String> taken = new HashSet<>();
    for (String name : RealData.simpleIcons(data)) {
      if (out.size() < count && taken.add(Normalizer.normalize(name))) {
        out.add(mark("si-" + out.size(), name));
      }
    }
    for (String name : MarkNames.generate(new Random(seed), count - out.size(), taken, Set.of())) {
      out.add(mark("gen-" + out.size(), name));
    }
    return out;
  }

  private static Trademark mark(String id, String name) {
    return new Trademark(id, "org-" + id, name, List.of(9), List.of("US", "EU"), List.of("bench:official-" + id),
        List.of(new Trademark.ReferencePrice(name, "199.00", "USD")));
  }
}
