package ipwatch.stream.relisting;

import ipwatch.model.Listing;
import ipwatch.model.ListingOutcome;
import ipwatch.stream.serde.JsonTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A bucket's proposal before the later listing's content is attached: the taken-down listing with its outcome, and
 * the id of the probe that shares a bucket with it. {@link ProbeContentFunction} turns it into a {@link CandidatePair}.
 */
public record ProbeCandidate(Listing earlier, ListingOutcome takedown, String laterId) {
  public static final TypeInformation<ProbeCandidate> TYPE = JsonTypeInfo.of(ProbeCandidate.class);

  public CandidatePair with(Listing later) {
    return new CandidatePair(earlier, takedown, later);
  }

  /** One key per pair, the same as the {@link CandidatePair} it becomes. */
  public String pairKey() {
    return CandidatePair.keyOf(earlier.listingId(), laterId);
  }
}
