package ipwatch.match;

import ipwatch.model.BadRecordException;
import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.Trademark;

/**
 * Reads the records the matcher consumes and rejects those it cannot use, with a message fit for a dead letter or an
 * error line. Shared by the batch command and the Flink job so both refuse the same records for the same reasons.
 */
public final class Records {
  private Records() {}

  public static Listing listing(String json) {
    Listing listing = Json.read(json, Listing.class);
    if (isBlank(listing.listingId())) {
      throw new BadRecordException("listing has no listingId");
    }
    return listing;
  }

  public static IpAsset asset(String json) {
    IpAsset asset = Json.read(json, IpAsset.class);
    if (isBlank(asset.assetId())) {
      throw new BadRecordException("asset has no assetId");
    }
    if (asset instanceof Trademark tm && isBlank(tm.mark())) {
      throw new BadRecordException("trademark " + tm.assetId() + " has no mark");
    }
    return asset;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
