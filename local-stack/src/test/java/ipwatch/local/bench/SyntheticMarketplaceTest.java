package ipwatch.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.model.Json;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyntheticMarketplaceTest {
  @Test
  void theKindOfEveryGeneratedListingCanBeToldFromItsUrlAndOnlyCounterfeitsExpectACase() throws Exception {
    SyntheticMarketplace market = new SyntheticMarketplace(7, 30, 0.05, List.of("org-a", "org-b"));
    Map<SyntheticMarketplace.Kind, Integer> seen = new EnumMap<>(SyntheticMarketplace.Kind.class);
    for (int i = 0; i < 100_000; i++) {
      SyntheticMarketplace.Outgoing o = market.next();
      JsonNode listing = Json.mapper().readTree(o.value());
      SyntheticMarketplace.Kind kind = market.kindOf(listing.path("url").asText()).orElseThrow();
      assertEquals(kind == SyntheticMarketplace.Kind.COUNTERFEIT, o.expectedAssetId() != null, listing.toString());
      seen.merge(kind, 1, Integer::sum);
    }
    assertEquals(4, seen.size(), seen.toString());
    assertTrue(seen.get(SyntheticMarketplace.Kind.COUNTERFEIT) > 4_000, seen.toString());
    assertEquals(Optional.empty(), market.kindOf("https://bench-m01.example/item/100001"));
    assertEquals(Optional.empty(), market.kindOf("https://elsewhere.example/p/3"));
  }
}
