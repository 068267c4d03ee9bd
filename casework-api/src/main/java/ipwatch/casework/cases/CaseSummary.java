package ipwatch.casework.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A case as listed and indexed for search: what a party needs to pick it out, without the evidence. {@code
 * nextDeadline} is the earliest pending legal deadline (null when none runs).
 */
public record CaseSummary(
    UUID id,
    String listingId,
    String assetId,
    String ownerOrg,
    String marketplace,
    String jurisdiction,
    CaseStatus status,
    String kind,
    double score,
    String title,
    String url,
    String sellerId,
    String sellerName,
    boolean noticeSent,
    String referredToOrg,
    Instant detectedAt,
    Instant createdAt,
    Instant updatedAt,
    long version,
    double priority,
    boolean legalHold,
    Instant nextDeadline) {

  /** The same case with another next deadline (after a transition changed its timers). */
  public CaseSummary withNextDeadline(Instant next) {
    return new CaseSummary(id, listingId, assetId, ownerOrg, marketplace, jurisdiction, status, kind, score, title, url,
        sellerId, sellerName, noticeSent, referredToOrg, detectedAt, createdAt, updatedAt, version, priority,
        legalHold, next);
  }
}
