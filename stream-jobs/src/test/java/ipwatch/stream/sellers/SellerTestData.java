package ipwatch.stream.sellers;

import ipwatch.link.seller.Identifier;
import ipwatch.link.seller.IdentifierType;
import ipwatch.model.Hashes;
import ipwatch.model.Listing;
import ipwatch.model.Money;
import ipwatch.model.Seller;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Listings of seller accounts on several marketplaces, with the identifiers their pages show. */
final class SellerTestData {
  private SellerTestData() {}

  static Listing listing(String id, String marketplace, String sellerId, Map<String, String> identifiers) {
    return new Listing(id, marketplace, "https://" + marketplace + "/item/" + id, "Parka " + id, "", "Fjell",
        "outerwear", new Money("49.00", "EUR"), new Seller(sellerId, sellerId, null, identifiers), List.of(), null,
        null, null, Instant.parse("2026-11-21T10:00:00Z"), null);
  }

  static IdentifierSighting sighting(String sellerKey, IdentifierType type, String value) {
    return new IdentifierSighting(sellerKey, new Identifier(type, value));
  }

  /** linking's stable cluster id: {@code op-} + 16 hex of the hash of the smallest account key. */
  static String clusterIdOf(String smallestKey) {
    return "op-" + Hashes.shortId(smallestKey).substring(0, 16);
  }
}
