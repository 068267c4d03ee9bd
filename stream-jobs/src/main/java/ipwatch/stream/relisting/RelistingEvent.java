package ipwatch.stream.relisting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ipwatch.model.Listing;
import ipwatch.model.ListingOutcome;
import ipwatch.stream.serde.JsonTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A listing to check against the taken-down ones (a probe, {@code takedown} null), a taken-down listing with the
 * outcome of its case, or a reinstated listing ({@code takedown} holds the REINSTATED outcome) that the buckets must
 * forget. {@code bucket} is set once the event is routed to one of its LSH/model-number buckets.
 */
public record RelistingEvent(Listing listing, ListingOutcome takedown, String bucket) {
  public static final TypeInformation<RelistingEvent> TYPE = JsonTypeInfo.of(RelistingEvent.class);

  public static RelistingEvent probe(Listing listing) {
    return new RelistingEvent(listing, null, null);
  }

  public static RelistingEvent takenDown(Listing listing, ListingOutcome outcome) {
    return new RelistingEvent(listing, outcome, null);
  }

  /** The listing's takedown was undone: it leaves the candidate index, so nothing is flagged as its relisting. */
  public static RelistingEvent reinstated(Listing listing, ListingOutcome outcome) {
    return new RelistingEvent(listing, outcome, null);
  }

  public RelistingEvent inBucket(String b) {
    return new RelistingEvent(listing, takedown, b);
  }

  @JsonIgnore
  public boolean isTakedown() {
    return takedown != null && !takedown.isReinstatement();
  }

  @JsonIgnore
  public boolean isReinstatement() {
    return takedown != null && takedown.isReinstatement();
  }
}
