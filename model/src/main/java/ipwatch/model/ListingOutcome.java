package ipwatch.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Locale;

/**
 * What became of a flagged listing (topic {@code listing-outcomes}, key {@code listingId}), published by
 * casework-api when a case's listing is taken down, and again when it is reinstated (restored after a counter-notice
 * or a reversed complaint), so the relisting job stops treating it as removed. {@code assetId}, {@code assetType} and {@code owner} name the
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

  /**
   * The listing is back on the marketplace because the removal was undone (restore after a counter-notice, or a
   * reversed internal complaint): the takedown no longer counts, and near-duplicates of it are not relistings.
   */
  public static final String REINSTATED = "REINSTATED";

  public ListingOutcome(String listingId, String caseId, String outcome, Instant at) {
    this(listingId, caseId, outcome, at, null, null, null);
  }

  /** Whether the listing is gone because of the case (outcome {@value #TAKEN_DOWN}, any case). */
  @JsonIgnore
  public boolean isTakedown() {
    return outcome != null && TAKEN_DOWN.equals(outcome.toUpperCase(Locale.ROOT));
  }

  /** Whether an earlier takedown of the listing was undone (outcome {@value #REINSTATED}). */
  @JsonIgnore
  public boolean isReinstatement() {
    return outcome != null && REINSTATED.equals(outcome.toUpperCase(Locale.ROOT));
  }
}
