package ipwatch.stream.relisting;

import ipwatch.model.AssetType;
import ipwatch.model.Listing;
import ipwatch.model.ListingOutcome;
import ipwatch.model.Money;
import ipwatch.model.Seller;
import java.time.Instant;
import java.util.List;

/** A counterfeit that was taken down, its reworded relisting by another shop, and an unrelated listing. */
final class RelistingTestData {
  private RelistingTestData() {}

  static Listing listing(String id, String sellerId, String title, String description) {
    return new Listing(id, "demo-market", "https://demo.example/item/" + id, title, description, "Nordvik",
        "outerwear", new Money("89.00", "USD"), new Seller(sellerId, sellerId, null, null), List.of(), null, null,
        null, Instant.parse("2026-11-21T10:00:00Z"), null);
  }

  static Listing takenDown(String id) {
    return listing(id, "cheap-deals", "Nordvik Fjell NV-4410 waterproof parka, 3-layer shell, taped seams, navy",
        "Nordvik Fjell parka model NV-4410. Waterproof breathable three layer shell with taped seams, adjustable hood "
            + "and two chest pockets. Navy, size M.");
  }

  static Listing relisted(String id) {
    return listing(id, "outlet-88", "NV-4410 Fjell parka by Nordvik - navy waterproof shell jacket, taped seams",
        "Waterproof three layer shell parka NV-4410 with adjustable hood, taped seams and chest pockets. Colour navy, "
            + "size M. Fast shipping.");
  }

  static Listing unrelated(String id) {
    return listing(id, "knit-house", "Wool winter beanie, grey, one size",
        "Warm knitted beanie from merino wool. Grey, one size fits all.");
  }

  static ListingOutcome takedownOf(String listingId, String caseId) {
    return new ListingOutcome(listingId, caseId, ListingOutcome.TAKEN_DOWN, Instant.parse("2026-11-20T09:00:00Z"),
        "tm-nordvik", AssetType.TRADEMARK, "org-nordvik");
  }
}
