package ipwatch.link.seller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentifierNormalizerTest {
  @Test
  void gmailIgnoresCaseDotsPlusTagsAndTheGooglemailDomain() {
    assertEquals(Optional.of("tradehouse7@gmail.com"), IdentifierNormalizer.email(" Trade.House7+shop3@GoogleMail.com "));
  }

  @Test
  void dotsStaySignificantOutsideGmail() {
    assertNotEquals(IdentifierNormalizer.email("sales.team@outlook.com"), IdentifierNormalizer.email("salesteam@outlook.com"));
    assertEquals(Optional.of("sales@shop.de"), IdentifierNormalizer.email("Sales+ebay@Shop.DE"));
  }

  @Test
  void phonesBecomeE164WithTheMarketplaceRegionForNationalNumbers() {
    assertEquals(Optional.of("+49301234567"), IdentifierNormalizer.phone("030 1234567", "DE"));
    assertEquals(Optional.of("+49301234567"), IdentifierNormalizer.phone("0049-30-123 4567", "US"));
    assertEquals(Optional.of("+49301234567"), IdentifierNormalizer.phone("+49 (30) 123-4567", "GB"));
    assertNotEquals(IdentifierNormalizer.phone("030 1234567", "DE"), IdentifierNormalizer.phone("030 1234567", "GB"));
    assertTrue(IdentifierNormalizer.phone("12", "DE").isEmpty());
  }

  @Test
  void licenceNumbersLoseLabelsSpacesAndDashes() {
    assertEquals(Optional.of("91330100MA2AB"), IdentifierNormalizer.businessLicense("Reg. No.: 913301-00MA2 ab"));
    assertEquals(Optional.of("91330100MA2AB"), IdentifierNormalizer.businessLicense("USCC 91330100MA2AB"));
    assertTrue(IdentifierNormalizer.businessLicense("n/a").isEmpty());
  }

  @Test
  void addressesAgreeAcrossAbbreviationCaseAndWordOrder() {
    assertEquals(IdentifierNormalizer.address("12 Main Street, Springfield 12345"),
        IdentifierNormalizer.address("MAIN ST. 12, springfield 12345"));
    assertEquals(IdentifierNormalizer.address("Lindenstraße 5, 10115 Berlin"),
        IdentifierNormalizer.address("Linden Str. 5, 10115 Berlin"));
    assertNotEquals(IdentifierNormalizer.address("12 Main Street, Springfield"),
        IdentifierNormalizer.address("14 Main Street, Springfield"));
  }

  @Test
  void linksDropSchemeWwwTrackingAndTrailingSlashButKeepShopIds() {
    assertEquals(Optional.of("op7-shop.com/store"),
        IdentifierNormalizer.link("http://www.OP7-shop.com/store/?utm_source=amazon.de#top"));
    assertEquals(Optional.of("shop.example/view?shop_id=42"),
        IdentifierNormalizer.link("https://m.shop.example/view?sort=new&shop_id=42"));
    assertEquals(Optional.of("paypal.me/op7pay"), IdentifierNormalizer.link("paypal.me/op7pay"));
  }

  @Test
  void identifierKeysAreReadByPrefixAndValuesAreMaskedInEvidence() {
    Identifier id = SellerIdentifiers.normalize("contactEmail", "John.Doe@example.com", "US").orElseThrow();
    assertEquals(IdentifierType.EMAIL, id.type());
    assertEquals("j***@example.com", id.masked());
    assertTrue(SellerIdentifiers.normalize("displayName", "Best Shop", "US").isEmpty());
  }
}
