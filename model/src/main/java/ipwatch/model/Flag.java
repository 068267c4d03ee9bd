package ipwatch.model;

import java.time.Instant;
import java.util.List;

/**
 * A suspected infringement, explained (topic {@code infringements}, key {@code flagId}). The flag id is a hash of
 * listing and asset, so the same pair always yields the same flag and the same case downstream.
 */
public record Flag(
    String flagId,
    String listingId,
    String assetId,
    AssetType assetType,
    String owner,
    FlagKind kind,
    double score,
    List<Signal> signals,
    Evidence evidence,
    Instant detectedAt,
    String matcherVersion,
    FlaggedListing listing) {

  public Flag {
    signals = signals == null ? List.of() : List.copyOf(signals);
  }

  public static String idFor(String listingId, String assetId) {
    return Hashes.shortId(listingId + "\n" + assetId);
  }

  /** One reason behind the score: what was seen, how much it weighed, and where. */
  public record Signal(String type, double weight, String detail) {}

  /**
   * What casework needs to open a case without reading the listing topic: the marketplace, URL, title, seller and
   * snapshot hash of the flagged listing at detection time.
   */
  public record FlaggedListing(
      String marketplace, String url, String title, String sellerId, String sellerName, Money price, Snapshot snapshot) {

    public static FlaggedListing of(Listing l) {
      return new FlaggedListing(
          l.marketplace(),
          l.url(),
          l.title(),
          l.seller() == null ? null : l.seller().id(),
          l.seller() == null ? null : l.seller().name(),
          l.price(),
          l.snapshot());
    }
  }
}
