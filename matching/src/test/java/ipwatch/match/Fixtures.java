package ipwatch.match;

import ipwatch.model.Listing;
import ipwatch.model.Money;
import ipwatch.model.Seller;
import ipwatch.model.Trademark;
import java.time.Instant;
import java.util.List;

/** The demo registry's marks and listings built from them. */
public final class Fixtures {
  private Fixtures() {}

  public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  public static Trademark nordvik() {
    return new Trademark(
        "tm-nordvik", "org-nordvik", "NORDVIK", List.of(25), List.of("US", "EU", "CN"),
        List.of("demo-market:nordvik-official"),
        List.of(new Trademark.ReferencePrice("Nordvik Fjell parka", "289.00", "USD")));
  }

  public static Trademark lumora() {
    return new Trademark(
        "tm-lumora", "org-lumora", "LUMORA", List.of(9), List.of("US", "EU", "CN"),
        List.of("demo-market:lumora-store"),
        List.of(new Trademark.ReferencePrice("Lumora Aria headphones", "199.00", "USD")));
  }

  public static Trademark mark(String assetId, String mark) {
    return new Trademark(assetId, "org-" + assetId, mark, List.of(25), List.of("EU"), List.of(), List.of());
  }

  public static Registry demoRegistry() {
    return Registry.of(List.of(nordvik(), lumora()));
  }

  public static Listing listing(String title, String brand) {
    return listing(title, brand, "demo-market:cheap-deals", "249.00");
  }

  public static Listing listing(String title, String brand, String sellerId, String price) {
    return listing(title, brand, sellerId, price, null);
  }

  /** A listing in a marketplace category; without one (null) the Nice-class gate cannot apply. */
  public static Listing listing(String title, String brand, String sellerId, String price, String category) {
    String id = Listing.idFor("demo-market", "https://demo.example/" + Math.abs((title + brand + sellerId).hashCode()));
    return new Listing(
        id, "demo-market", "https://demo.example/item/" + id, title, "", brand, category,
        new Money(price, "USD"), new Seller(sellerId, sellerId, null, null), List.of(), null, null, null, NOW, null);
  }
}
