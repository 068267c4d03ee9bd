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
    Instant nextDeadline,
    String networkId,
    boolean repeatInfringer,
    UUID relatedCaseId) {

  /** Without the seller-network fields (issue 7), e.g. for a search hit, which does not carry them. */
  public CaseSummary(UUID id, String listingId, String assetId, String ownerOrg, String marketplace,
      String jurisdiction, CaseStatus status, String kind, double score, String title, String url, String sellerId,
      String sellerName, boolean noticeSent, String referredToOrg, Instant detectedAt, Instant createdAt,
      Instant updatedAt, long version, double priority, boolean legalHold, Instant nextDeadline) {
    this(id, listingId, assetId, ownerOrg, marketplace, jurisdiction, status, kind, score, title, url, sellerId,
        sellerName, noticeSent, referredToOrg, detectedAt, createdAt, updatedAt, version, priority, legalHold,
        nextDeadline, null, false, null);
  }

  /** The same case with another next deadline (after a transition changed its timers). */
  public CaseSummary withNextDeadline(Instant next) {
    return new CaseSummary(id, listingId, assetId, ownerOrg, marketplace, jurisdiction, status, kind, score, title, url,
        sellerId, sellerName, noticeSent, referredToOrg, detectedAt, createdAt, updatedAt, version, priority,
        legalHold, next, networkId, repeatInfringer, relatedCaseId);
  }

  /** The same case with the seller-network fields of {@code from} (issue 7; the search index does not hold them). */
  public CaseSummary withNetworkFields(CaseSummary from) {
    return new CaseSummary(id, listingId, assetId, ownerOrg, marketplace, jurisdiction, status, kind, score, title, url,
        sellerId, sellerName, noticeSent, referredToOrg, detectedAt, createdAt, updatedAt, version, priority,
        legalHold, nextDeadline, from.networkId(), from.repeatInfringer(), from.relatedCaseId());
  }
}
