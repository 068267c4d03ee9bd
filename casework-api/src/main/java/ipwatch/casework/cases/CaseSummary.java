package ipwatch.casework.cases;

import java.time.Instant;
import java.util.UUID;

/** A case as listed and indexed for search: what a party needs to pick it out, without the evidence. */
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
    String networkId,
    boolean repeatInfringer,
    UUID relatedCaseId) {

  /** Without the seller-network fields (issue 7), e.g. for a search hit, which does not carry them. */
  public CaseSummary(UUID id, String listingId, String assetId, String ownerOrg, String marketplace,
      String jurisdiction, CaseStatus status, String kind, double score, String title, String url, String sellerId,
      String sellerName, boolean noticeSent, String referredToOrg, Instant detectedAt, Instant createdAt,
      Instant updatedAt, long version) {
    this(id, listingId, assetId, ownerOrg, marketplace, jurisdiction, status, kind, score, title, url, sellerId,
        sellerName, noticeSent, referredToOrg, detectedAt, createdAt, updatedAt, version, null, false, null);
  }
}
