package ipwatch.stream.match;

import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.Money;
import ipwatch.model.Patent;
import ipwatch.model.Seller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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

  /** Claim 1 of US 6,836,899 B1 (public domain USPTO text), as a patent granted in the US and in force. */
  public static Patent napkinPatent() {
    String claim1 = "1. A holding device for removably holding a napkin over the front of the body or torso of a user comprising: (a) a lanyard having two ends and sufficient length to extend around the neck and over the shoulders of a human body, (b) a pair of clamping devices secured to the ends of the lanyard in a pivotable relationship, each said clamping device being comprised of first and second sections which are in opposed alignment and which are pivotably connected to the lanyard, at least one permanent magnet being embedded in one of the sections and at least one magnetically attractive metal element embedded in the other section for creating a magnetic attraction between said sections.";
    return new Patent("pat-us6836899", "org-napkin", "Device for detachably holding an absorbent napkin across the torso",
        List.of(new Patent.Claim(1, claim1, true)), List.of("A45F 5/00"), List.of("US"), LocalDate.of(2099, 1, 1));
  }

  /** A listing that describes the product of {@link #napkinPatent()} element by element. */
  public static Listing napkinHolder(String id) {
    Listing l = listing(id, "Magnetic Napkin Holder Lanyard - Neck Strap with 2 Magnetic Clips", "Clipster",
        "demo-market:clipster");
    return new Listing(l.listingId(), l.marketplace(), l.url(), l.title(),
        "Holds a napkin over the front of your torso, removable in a second.\n"
            + "The lanyard has two ends and is long enough to go around the neck and over the shoulders.\n"
            + "A pair of clamping clips is secured to the ends of the lanyard and pivots freely. Each clip has two "
            + "sections in opposed alignment, pivotably connected to the lanyard: a permanent magnet is embedded in "
            + "one section and a metal plate in the other, and the magnetic attraction between the sections holds "
            + "the napkin.",
        l.brand(), "Home & Kitchen", l.price(), l.seller(), l.images(), null, null, null, l.fetchedAt(), null);
  }
}
