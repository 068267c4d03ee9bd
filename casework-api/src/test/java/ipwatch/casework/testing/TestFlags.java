package ipwatch.casework.testing;

import ipwatch.model.AssetType;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import ipwatch.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Flags as the matcher would publish them. */
public final class TestFlags {
  private TestFlags() {}

  public static Flag flag(String listingId, String assetId, String owner, String marketplace, String title) {
    Flag.FlaggedListing listing = new Flag.FlaggedListing(marketplace, "https://" + marketplace + ".example/item/"
        + listingId, title, marketplace + ":shady-seller", "Shady Seller", null, null);
    return new Flag(Flag.idFor(listingId, assetId), listingId, assetId, AssetType.TRADEMARK, owner,
        FlagKind.BRAND_USE, 0.91, List.of(new Flag.Signal("MARK_IN_TITLE", 0.8, "title contains the mark")), null,
        Instant.parse("2025-03-01T10:15:30Z"), "test-1", listing);
  }

  public static byte[] bytes(Flag f) {
    return Json.write(f).getBytes(StandardCharsets.UTF_8);
  }
}
