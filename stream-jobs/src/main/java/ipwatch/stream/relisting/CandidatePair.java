package ipwatch.stream.relisting;

import ipwatch.model.Listing;
import ipwatch.model.ListingOutcome;
import ipwatch.stream.serde.JsonTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** A taken-down listing and a later listing that share an LSH or model-number bucket: to be scored. */
public record CandidatePair(Listing earlier, ListingOutcome takedown, Listing later) {
  public static final TypeInformation<CandidatePair> TYPE = JsonTypeInfo.of(CandidatePair.class);

  /** One key per pair, so a pair proposed by several buckets is scored once. */
  public String pairKey() {
    return keyOf(earlier.listingId(), later.listingId());
  }

  /** The key of the pair of these two listings, whether or not the later one's content is known yet. */
  static String keyOf(String earlierId, String laterId) {
    return earlierId + "|" + laterId;
  }
}
