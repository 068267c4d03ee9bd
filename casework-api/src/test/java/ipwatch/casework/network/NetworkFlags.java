package ipwatch.casework.network;

import ipwatch.casework.testing.TestFlags;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import java.util.List;

/** Flags of a chosen seller (the shared TestFlags always use one), and RELISTING flags as the relisting job emits. */
final class NetworkFlags {
  private NetworkFlags() {}

  static Flag bySeller(String listingId, String assetId, String owner, String marketplace, String sellerId) {
    Flag f = TestFlags.flag(listingId, assetId, owner, marketplace, "NORDVIK parka " + listingId);
    Flag.FlaggedListing l = f.listing();
    return new Flag(f.flagId(), f.listingId(), f.assetId(), f.assetType(), f.owner(), f.kind(), f.score(),
        f.signals(), f.evidence(), f.detectedAt(), f.matcherVersion(), new Flag.FlaggedListing(l.marketplace(),
            l.url(), l.title(), sellerId, sellerId, l.price(), l.snapshot()));
  }

  static Flag relisting(String listingId, String assetId, String owner, String marketplace, String sellerId,
      String earlierListingId, java.util.UUID earlierCase) {
    Flag f = bySeller(listingId, assetId, owner, marketplace, sellerId);
    return new Flag("relist-" + listingId + "-" + earlierCase, f.listingId(), f.assetId(), f.assetType(), f.owner(),
        FlagKind.RELISTING, f.score(), List.of(new Flag.Signal("RELISTING_OF", f.score(), "near-duplicate of listing "
            + earlierListingId + " (https://x.example/" + earlierListingId + ") taken down in case " + earlierCase
            + " at 2026-11-20T09:00:00Z")), f.evidence(), f.detectedAt(), "relisting-1", f.listing());
  }
}
