package ipwatch.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Locale;

/**
 * What became of a flagged listing (topic {@code listing-outcomes}, key {@code listingId}), published by
 * casework-api when a case's listing is taken down. {@code assetId}, {@code assetType} and {@code owner} name the
 * case's asset: the relisting job copies them onto the RELISTING flags it raises, so the rights holder of the earlier
 * case gets the new one. They may be null in records from producers that do not know them yet.
 */
public record ListingOutcome(
    String listingId,
    String caseId,
    String outcome,
    Instant at,
    String assetId,
    AssetType assetType,
    String owner) {

  /** The listing was removed from the marketplace after a notice. */
  public static final String TAKEN_DOWN = "TAKEN_DOWN";

  public ListingOutcome(String listingId, String caseId, String outcome, Instant at) {
    this(listingId, caseId, outcome, at, null, null, null);
  }

  /** Whether the listing is gone because of the case (outcome {@value #TAKEN_DOWN}, any case). */
  @JsonIgnore
  public boolean isTakedown() {
    return outcome != null && TAKEN_DOWN.equals(outcome.toUpperCase(Locale.ROOT));
  }
}
