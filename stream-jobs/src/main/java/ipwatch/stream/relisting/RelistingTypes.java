package ipwatch.stream.relisting;

import ipwatch.model.Listing;
import ipwatch.model.ListingOutcome;
import ipwatch.stream.serde.JsonTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Flink type information for the model records this job carries (JSON serde: Kryo cannot rebuild List.copyOf). */
public final class RelistingTypes {
  private RelistingTypes() {}

  public static final TypeInformation<ListingOutcome> OUTCOME = JsonTypeInfo.of(ListingOutcome.class);
  public static final TypeInformation<Listing> LISTING = JsonTypeInfo.of(Listing.class);
}
