package ipwatch.crawl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Json;
import ipwatch.model.Listing;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Optional;

/** What every extraction must satisfy, whatever the page: a listing we can publish, or nothing. */
final class ExtractionInvariants {
  private ExtractionInvariants() {}

  static void check(URI url, Optional<ExtractedPage> page) {
    if (page.isEmpty()) {
      return;
    }
    ExtractedPage p = page.get();
    assertEquals(url.toString(), p.url(), "the listing keeps the page's canonical URL");
    assertNotNull(p.marketplace(), "a listing names its marketplace");
    if (p.price() != null) {
      BigDecimal amount = new BigDecimal(p.price().amount()); // throws if the amount is not a decimal
      assertTrue(amount.signum() >= 0, "no negative price: " + p.price());
      String currency = p.price().currency();
      assertTrue(currency == null || currency.matches("[A-Z]{3}"), "an ISO 4217 currency or none: " + p.price());
    }
    Listing listing = p.toListing(null, null);
    Listing back = Json.read(Json.write(listing), Listing.class);
    assertEquals(listing.listingId(), back.listingId(), "the listing survives its JSON contract");
  }
}
