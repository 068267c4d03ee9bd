package ipwatch.stream.match;

import ipwatch.model.Listing;
import ipwatch.stream.serde.JsonTypeInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * What the match job remembers per listing: the hash of its matchable content, the listing itself (so a newly
 * registered mark can be checked against it) and the flags already sent for this content.
 */
public record SeenListing(String contentHash, Listing listing, List<String> flagIds) {
  public static final TypeInformation<SeenListing> TYPE = JsonTypeInfo.of(SeenListing.class);

  public SeenListing {
    flagIds = flagIds == null ? List.of() : List.copyOf(flagIds);
  }

  public SeenListing withFlags(Iterable<String> more) {
    Set<String> all = new LinkedHashSet<>(flagIds);
    more.forEach(all::add);
    return new SeenListing(contentHash, listing, List.copyOf(all));
  }
}
