package ipwatch.stream.relisting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ipwatch.model.Listing;
import ipwatch.model.ListingOutcome;
import ipwatch.stream.serde.JsonTypeInfo;
import ipwatch.stream.serde.SerializerTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A listing to check against the taken-down ones (a probe, {@code takedown} null), a taken-down listing with the
 * outcome of its case, or a reinstated listing ({@code takedown} holds the REINSTATED outcome) that the buckets must
 * forget. {@code bucket} is set once the event is routed to one of its LSH/model-number buckets.
 *
 * <p>A probe goes to about 22 buckets, so its routed copies carry only its id ({@link #withoutContent()}): the
 * content is held once, by {@link ProbeContentFunction}, which completes the bucket's proposals. Taken-down listings
 * keep their content in the buckets: they are few, and a proposal needs the earlier listing as it was taken down.
 */
public record RelistingEvent(String listingId, Listing listing, ListingOutcome takedown, String bucket) {
  /** Between operators: {@link RelistingEventSerializer}. */
  public static final TypeInformation<RelistingEvent> TYPE =
      SerializerTypeInfo.of(RelistingEvent.class, RelistingEventSerializer.INSTANCE);
  /** In state: JSON, as it always was. */
  public static final TypeInformation<RelistingEvent> STATE_TYPE = JsonTypeInfo.of(RelistingEvent.class);

  public static RelistingEvent probe(Listing listing) {
    return new RelistingEvent(listing.listingId(), listing, null, null);
  }

  public static RelistingEvent takenDown(Listing listing, ListingOutcome outcome) {
    return new RelistingEvent(listing.listingId(), listing, outcome, null);
  }

  /** The listing's takedown was undone: it leaves the candidate index, so nothing is flagged as its relisting. */
  public static RelistingEvent reinstated(Listing listing, ListingOutcome outcome) {
    return new RelistingEvent(listing.listingId(), listing, outcome, null);
  }

  public RelistingEvent inBucket(String b) {
    return new RelistingEvent(listingId, listing, takedown, b);
  }

  /** The same event with the listing's id only: what a bucket needs of a probe or a reinstatement. */
  public RelistingEvent withoutContent() {
    return new RelistingEvent(listingId, null, takedown, bucket);
  }

  @JsonIgnore
  public boolean isProbe() {
    return takedown == null;
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
