package ipwatch.model;

import java.util.List;

/** Every Kafka topic, declared once with its value type and key. */
public final class Topics {
  private Topics() {}

  public static final Topic<Listing> LISTINGS = new Topic<>("listings", Listing.class, false);
  /** Compacted: the latest version of each asset wins, a tombstone removes it. */
  public static final Topic<IpAsset> IP_REGISTRY = new Topic<>("ip-registry", IpAsset.class, true);
  public static final Topic<Flag> INFRINGEMENTS = new Topic<>("infringements", Flag.class, false);
  /** Records the match job could not read, with the cause in the {@code ipwatch-error} header. */
  public static final Topic<String> LISTINGS_DEAD_LETTER = new Topic<>("listings-dlq", String.class, false);

  /** URLs the crawler failed on (CrawlError JSON keyed by URL): failures are records, never silent drops. */
  public static final Topic<String> CRAWL_ERRORS = new Topic<>("crawl-errors", String.class, false);

  /** URLs to crawl, keyed by host so one crawler instance owns each host's politeness state. */
  public static final Topic<String> CRAWL_FRONTIER = new Topic<>("crawl-frontier", String.class, false);

  /**
   * Each seller account's operator cluster ({@code SellerLink} JSON of module linking: sellerId, clusterId,
   * evidence), keyed by sellerId ({@code marketplace:sellerId}); written exactly-once by the seller-linking job, a
   * new record whenever an account's cluster id or evidence changes. Compacted: the latest record per account wins.
   */
  public static final Topic<String> SELLER_LINKS = new Topic<>("seller-links", String.class, true);

  /**
   * Listings whose case ended in an outcome such as a takedown, keyed by listingId; written by casework-api, read by
   * the relisting job (which raises RELISTING flags on {@link #INFRINGEMENTS}).
   */
  public static final Topic<ListingOutcome> LISTING_OUTCOMES =
      new Topic<>("listing-outcomes", ListingOutcome.class, false);

  public static List<Topic<?>> all() {
    return List.of(LISTINGS, IP_REGISTRY, INFRINGEMENTS, LISTINGS_DEAD_LETTER, CRAWL_ERRORS, CRAWL_FRONTIER,
        SELLER_LINKS, LISTING_OUTCOMES);
  }

  public record Topic<T>(String name, Class<T> valueType, boolean compacted) {}
}
