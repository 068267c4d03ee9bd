package ipwatch.model;

import java.time.Instant;
import java.util.List;

/** One marketplace offer as extracted by the crawler (topic {@code listings}, key {@code listingId}). */
public record Listing(
    String listingId,
    String marketplace,
    String url,
    String title,
    String description,
    String brand,
    String category,
    Money price,
    Seller seller,
    List<Image> images,
    String gtin,
    String sku,
    String mpn,
    Instant fetchedAt,
    Snapshot snapshot) {

  public Listing {
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** The listing id is a stable hash of marketplace and canonical URL, so a recrawl yields the same id. */
  public static String idFor(String marketplace, String canonicalUrl) {
    return Hashes.shortId(marketplace + "\n" + canonicalUrl);
  }
}
