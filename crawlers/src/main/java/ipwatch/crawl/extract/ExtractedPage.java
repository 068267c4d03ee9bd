package ipwatch.crawl.extract;

import ipwatch.model.Image;
import ipwatch.model.Listing;
import ipwatch.model.Money;
import ipwatch.model.Seller;
import ipwatch.model.Snapshot;
import java.time.Instant;
import java.util.List;

/**
 * A product page as extracted, before it becomes a {@link Listing}: the listing fields plus what the contract does not
 * carry (availability, which markup the data came from).
 */
public record ExtractedPage(
    String marketplace,
    String url,
    String title,
    String description,
    String brand,
    String category,
    Money price,
    Seller seller,
    List<String> imageUrls,
    String gtin,
    String sku,
    String mpn,
    String availability,
    List<String> sources) {

  public ExtractedPage {
    imageUrls = List.copyOf(imageUrls);
    sources = List.copyOf(sources);
  }

  /** The listing for the contract; the id is stable for the marketplace and canonical URL. */
  public Listing toListing(Snapshot snapshot, Instant fetchedAt) {
    List<Image> images = imageUrls.stream().map(u -> new Image(u, null)).toList();
    return new Listing(Listing.idFor(marketplace, url), marketplace, url, title, description, brand, category, price,
        seller, images, gtin, sku, mpn, fetchedAt, snapshot);
  }
}
