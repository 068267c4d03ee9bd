package ipwatch.stream.match;

import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.Money;
import ipwatch.model.Seller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The demo registry and listings built to hit it, as the crawler would publish them. */
public final class TestData {
  private TestData() {}

  public static List<IpAsset> demoRegistry() {
    try {
      return Files.readAllLines(Path.of("../config/demo/registry.jsonl")).stream()
          .filter(l -> !l.isBlank())
          .map(l -> Json.read(l, IpAsset.class))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static IpAsset asset(String assetId) {
    return demoRegistry().stream().filter(a -> a.assetId().equals(assetId)).findFirst().orElseThrow();
  }

  public static Listing listing(String id, String title, String brand, String sellerId) {
    return new Listing(
        id, "demo-market", "https://demo.example/item/" + id, title, "", brand, "outerwear",
        new Money("249.00", "USD"), new Seller(sellerId, sellerId, null, null), List.of(), null, null, null,
        Instant.parse("2026-11-21T10:00:00Z"), null);
  }

  public static Listing counterfeit(String id) {
    return listing(id, "NORDVIK Fjell parka, waterproof", "Nordvik", "demo-market:cheap-deals");
  }

  public static Listing genuine(String id) {
    return listing(id, "NORDVIK Fjell parka, waterproof", "Nordvik", "demo-market:nordvik-official");
  }

  public static Listing unrelated(String id) {
    return listing(id, "Wool winter parka, navy", "Fjallstad", "demo-market:fjallstad");
  }
}
