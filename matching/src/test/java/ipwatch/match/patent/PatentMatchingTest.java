package ipwatch.match.patent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.match.Fixtures;
import ipwatch.match.ListingMatcher;
import ipwatch.match.MatchSettings;
import ipwatch.match.Registry;
import ipwatch.model.AssetType;
import ipwatch.model.Evidence;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import ipwatch.model.Listing;
import ipwatch.model.Money;
import ipwatch.model.Patent;
import ipwatch.model.Seller;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PATENT_CLAIM flags through the one entry point, {@link ListingMatcher}, against a real grant (US 6,836,899 B1). */
class PatentMatchingTest {
  private static final LocalDate IN_FORCE = LocalDate.of(2030, 1, 1);
  private static final String NAPKIN = "US6836899B1";

  static final String NAPKIN_HOLDER_TITLE = "Magnetic Napkin Holder Lanyard - Neck Strap with 2 Magnetic Clips";
  static final String NAPKIN_HOLDER_DESCRIPTION =
      "Holds a napkin over the front of your torso, removable in a second.\n"
          + "The lanyard has two ends and is long enough to go around the neck and over the shoulders.\n"
          + "A pair of clamping clips is secured to the ends of the lanyard and pivots freely. "
          + "Each clip has two sections in opposed alignment, pivotably connected to the lanyard: a permanent magnet "
          + "is embedded in one section and a metal plate in the other, and the magnetic attraction between the "
          + "sections holds the napkin.";

  private static Listing listing(String url, String currency, String title, String description) {
    return new Listing(
        Listing.idFor("shop", url), "shop", url, title, description, "Clipster", "Home & Kitchen > Dining",
        new Money("12.99", currency), new Seller("shop:clipster", "Clipster", null, null), List.of(), null, null,
        null, Fixtures.NOW, null);
  }

  private static Listing napkinHolder(String url, String currency) {
    return listing(url, currency, NAPKIN_HOLDER_TITLE, NAPKIN_HOLDER_DESCRIPTION);
  }

  private static List<Flag> match(Listing listing, Patent... patents) {
    return new ListingMatcher(Registry.of(List.of(patents)), MatchSettings.defaults()).match(listing, Fixtures.NOW);
  }

  private static Patent napkinPatent(List<String> jurisdictions, LocalDate expires) {
    return RealGrants.patent(NAPKIN, jurisdictions, expires);
  }

  @Test
  void aListingDescribingThePatentedProductGetsAFlagWithAFullClaimChart() {
    Listing l = napkinHolder("https://shop.example.com/item/1", "USD");
    List<Flag> flags = match(l, napkinPatent(List.of("US"), IN_FORCE), RealGrants.patent("US6837151B2", List.of(), IN_FORCE));
    assertEquals(1, flags.size(), flags.toString());
    Flag f = flags.get(0);
    assertEquals(FlagKind.PATENT_CLAIM, f.kind());
    assertEquals(AssetType.PATENT, f.assetType());
    assertEquals("pat-" + NAPKIN, f.assetId());
    assertEquals(Flag.idFor(l.listingId(), "pat-" + NAPKIN), f.flagId());
    assertTrue(f.score() >= MatchSettings.defaults().patent().alertThreshold() && f.score() <= 1, f.toString());
    assertEquals(PatentMatcher.ELEMENTS_MET, f.signals().get(0).type());
    assertEquals(1.0, f.signals().get(0).weight(), f.toString());

    List<Evidence.ClaimElement> chart = f.evidence().claimChart();
    assertEquals(3, chart.size(), chart.toString()); // preamble and the two elements of claim 1
    assertTrue(chart.stream().allMatch(e -> e.claim() == 1));
    assertTrue(chart.get(0).element().startsWith("A holding device"));
    assertTrue(chart.get(1).element().startsWith("a lanyard"));
    chart.forEach(e -> assertNotNull(e.listingText(), e.element()));
    assertTrue(chart.get(1).listingText().contains("around the neck"), chart.get(1).listingText());
    assertTrue(chart.get(2).listingText().contains("permanent magnet"), chart.get(2).listingText());
  }

  @Test
  void anElementTheListingDoesNotMeetIsChartedWithNullAndNamedInTheSignals() {
    Listing l = listing("https://shop.example.com/item/2", "USD", NAPKIN_HOLDER_TITLE,
        NAPKIN_HOLDER_DESCRIPTION.replace("The lanyard has two ends and is long enough to go around the neck and over "
            + "the shoulders.\n", ""));
    Patent p = napkinPatent(List.of(), IN_FORCE);
    // two of three rows met is below the default 0.8 coverage: no flag ...
    assertEquals(List.of(), match(l, p));
    // ... and at a lower bar the chart says which element is missing
    PatentMatcher lenient = new PatentMatcher(new PatentSettings(0.6, 0.3, 0.5, 4));
    Registry r = Registry.of(List.of(p));
    List<Flag> flags = lenient.match(l, r.patentIndex(), x -> true, Fixtures.NOW, "test");
    assertEquals(1, flags.size());
    List<Evidence.ClaimElement> chart = flags.get(0).evidence().claimChart();
    assertEquals(3, chart.size());
    assertEquals(null, chart.get(1).listingText());
    assertTrue(flags.get(0).signals().stream().anyMatch(s -> s.type().equals(PatentMatcher.ELEMENT_NOT_FOUND)
        && s.detail().contains("a lanyard having two ends")));
  }

  @Test
  void vagueOrUnrelatedListingsAreNotFlagged() {
    Patent p = napkinPatent(List.of(), IN_FORCE);
    String url = "https://shop.example.com/item/3";
    assertEquals(List.of(), match(listing(url, "USD", "Cotton napkins, set of 4", "Machine washable dinner napkins."), p));
    assertEquals(List.of(), match(listing(url, "USD", "Magnetic napkin clips, 2 pack", "Strong magnets."), p));
    assertEquals(List.of(), match(listing(url, "USD", "Wireless earbuds with charging case",
        "Bluetooth 5.3, 30 h battery, USB-C."), p));
  }

  @Test
  void anExpiredPatentNeverFlags() {
    Listing l = napkinHolder("https://shop.example.com/item/4", "USD");
    LocalDate today = LocalDate.of(2026, 11, 21); // Fixtures.NOW
    assertEquals(List.of(), match(l, napkinPatent(List.of(), today.minusDays(1))));
    assertEquals(List.of(), match(l, napkinPatent(List.of(), LocalDate.of(2025, 1, 4))));
    assertEquals(1, match(l, napkinPatent(List.of(), today)).size(), "in force through its expiry date");
  }

  @Test
  void aPatentIsOnlyInfringedWhereItIsGranted() {
    Patent usOnly = napkinPatent(List.of("US"), IN_FORCE);
    assertEquals(List.of(), match(napkinHolder("https://www.shop.de/item/5", "EUR"), usOnly));
    assertEquals(List.of(), match(napkinHolder("https://shop.example.com/item/5", "GBP"), usOnly));
    assertEquals(1, match(napkinHolder("https://shop.example.com/item/5", "USD"), usOnly).size(),
        "market unknown: not gated");
    assertEquals(1, match(napkinHolder("https://www.shop.de/item/5", "EUR"), napkinPatent(List.of("EU"), IN_FORCE))
        .size());
  }

  @Test
  void aRemovedPatentNoLongerFlags() {
    Registry r = Registry.of(List.of(napkinPatent(List.of(), IN_FORCE)));
    r.remove("pat-" + NAPKIN);
    assertEquals(List.of(), new ListingMatcher(r, MatchSettings.defaults())
        .match(napkinHolder("https://shop.example.com/item/6", "USD"), Fixtures.NOW));
    assertTrue(r.patentIndex().isEmpty());
  }
}
