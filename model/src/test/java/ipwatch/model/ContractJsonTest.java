package ipwatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractJsonTest {

  @Test
  void listingRoundTripsWithCamelCaseFieldsAndIsoTimes() {
    Listing listing =
        new Listing(
            Listing.idFor("demo", "http://m/p/1"),
            "demo",
            "http://m/p/1",
            "Acme runner",
            "desc",
            "Acme",
            "shoes",
            new Money("12.99", "USD"),
            new Seller("s1", "Shop", "http://m/s/1", Map.of("email", "a@b.c")),
            List.of(new Image("http://m/i.jpg", null)),
            "0123",
            "SKU1",
            null,
            Instant.parse("2026-11-21T10:00:00Z"),
            new Snapshot("ab".repeat(32), 10, "text/html"));
    String json = Json.write(listing);
    assertTrue(json.contains("\"fetchedAt\":\"2026-11-21T10:00:00Z\""), json);
    assertTrue(json.contains("\"listingId\":\"" + listing.listingId() + "\""), json);
    assertTrue(!json.contains("\"mpn\""), "nulls are left out: " + json);
    assertEquals(listing, Json.read(json, Listing.class));
    assertEquals(new BigDecimal("12.99"), new BigDecimal(Json.read(json, Listing.class).price().amount()));
  }

  @Test
  void assetsCarryTheirTypeAndReadBackAsTheRightRecord() {
    IpAsset tm = new Trademark("tm-1", "org-a", "ACME", List.of(25), List.of("US"), List.of("s1"), List.of());
    IpAsset pat =
        new Patent(
            "pat-1", "org-a", "Napkin holder", List.of(new Patent.Claim(1, "A holder comprising a magnet.", true)),
            List.of("A45F"), List.of("US"), LocalDate.parse("2030-01-01"));
    assertTrue(Json.write(tm).contains("\"type\":\"TRADEMARK\""));
    assertInstanceOf(Trademark.class, Json.read(Json.write(tm), IpAsset.class));
    assertEquals(pat, Json.read(Json.write(pat), IpAsset.class));
  }

  @Test
  void malformedRecordRaisesBadRecordWithAReadableCause() {
    BadRecordException e = assertThrows(BadRecordException.class, () -> Json.read("{not json", Listing.class));
    assertTrue(e.getMessage().startsWith("not a valid Listing"), e.getMessage());
    assertThrows(BadRecordException.class, () -> Json.read("null", Listing.class));
  }

  @Test
  void idsAreStableAndDifferByInput() {
    assertEquals(Listing.idFor("m", "u"), Listing.idFor("m", "u"));
    assertTrue(!Listing.idFor("m", "u").equals(Listing.idFor("m", "v")));
    assertEquals(32, Flag.idFor("l", "a").length());
  }

  @Test
  void aListingOutcomeReadsTheFourFieldsCaseworkSendsAndWritesNoDerivedOnes() {
    String json = "{\"listingId\":\"l-1\",\"caseId\":\"c-1\",\"outcome\":\"taken_down\",\"at\":\"2026-11-21T10:00:00Z\"}";
    ListingOutcome o = Json.read(json, ListingOutcome.class);
    assertEquals(new ListingOutcome("l-1", "c-1", "taken_down", Instant.parse("2026-11-21T10:00:00Z")), o);
    assertTrue(o.isTakedown());
    assertEquals(json, Json.write(o));
    assertTrue(Topics.all().contains(Topics.LISTING_OUTCOMES) && Topics.all().contains(Topics.SELLER_LINKS));
  }
}
