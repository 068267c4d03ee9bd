package ipwatch.match;

import static ipwatch.match.Fixtures.NOW;
import static ipwatch.match.Fixtures.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Evidence;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import ipwatch.model.Listing;
import ipwatch.model.Trademark;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListingMatcherTest {
  private final ListingMatcher matcher = new ListingMatcher(Fixtures.demoRegistry(), MatchSettings.defaults());

  private List<Flag> match(Listing l) {
    return matcher.match(l, NOW);
  }

  @Test
  void theMarkInTheBrandFieldIsBrandUseWithItsSpanAndExplanation() {
    Listing l = listing("Winter parka, waterproof", "Nordvik");
    List<Flag> flags = match(l);
    assertEquals(1, flags.size());
    Flag f = flags.get(0);
    assertEquals(FlagKind.BRAND_USE, f.kind());
    assertEquals("tm-nordvik", f.assetId());
    assertEquals("org-nordvik", f.owner());
    assertEquals(Flag.idFor(l.listingId(), "tm-nordvik"), f.flagId());
    assertEquals(0.9, f.score());
    assertEquals(List.of(new Evidence.Span("brand", 0, 7, "Nordvik")), f.evidence().spans());
    assertEquals("BRAND_FIELD", f.signals().get(0).type());
    assertEquals(ListingMatcher.VERSION, f.matcherVersion());
    assertEquals(NOW, f.detectedAt());
    assertEquals(l.url(), f.listing().url());
  }

  @Test
  void theMarkOpeningTheTitleIsBrandUse() {
    List<Flag> flags = match(listing("NORDVIK Fjell parka men", null));
    assertEquals(1, flags.size());
    assertEquals("TITLE_LEAD", flags.get(0).signals().get(0).type());
    assertEquals(new Evidence.Span("title", 0, 7, "NORDVIK"), flags.get(0).evidence().spans().get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ＮＯＲＤＶＩＫ parka", "Nórdvik parka", "nordvik parka", "NoRdViK® parka"})
  void caseWidthAndAccentVariantsAreTheSameMark(String title) {
    List<Flag> flags = match(listing(title, ""));
    assertEquals(1, flags.size(), title);
    assertEquals("tm-nordvik", flags.get(0).assetId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Rain case for Nordvik parka", "Hood compatible with NORDVIK jackets", "适用于Nordvik 外套"})
  void aDescriptiveMentionIsNotFlagged(String title) {
    assertEquals(List.of(), match(listing(title, "GenericGear")));
  }

  @Test
  void aDescriptiveMentionStaysBelowTheThresholdEvenWithALowPrice() {
    assertEquals(List.of(), match(listing("Case for Nordvik parka", "", "demo-market:x", "5.00")));
  }

  @Test
  void theAuthorisedSellerIsNeverFlagged() {
    Listing genuine = listing("NORDVIK Fjell parka", "Nordvik", "demo-market:nordvik-official", "289.00");
    assertEquals(List.of(), match(genuine));
  }

  @Test
  void anAuthorisedSellerOfOneMarkIsStillFlaggedForAnother() {
    Listing l = listing("LUMORA headphones with NORDVIK parka", "", "demo-market:nordvik-official", "289.00");
    assertEquals(List.of("tm-lumora"), match(l).stream().map(Flag::assetId).toList());
  }

  @Test
  void anUnrelatedListingIsNotFlagged() {
    assertEquals(List.of(), match(listing("Wool winter parka, navy", "Fjallstad", "demo-market:x", "9.00")));
    assertEquals(List.of(), match(listing("Nordvikings saga poster", "")));
  }

  @Test
  void aMultiWordMarkIsFoundAsAWhole() {
    Trademark tm = Fixtures.mark("tm-north-ridge", "North Ridge");
    ListingMatcher m = new ListingMatcher(Registry.of(List.of(tm)), MatchSettings.defaults());
    List<Flag> flags = m.match(listing("North Ridge trail shoes", ""), NOW);
    assertEquals(1, flags.size());
    assertEquals("North Ridge", flags.get(0).evidence().spans().get(0).text());
    assertEquals(List.of(), m.match(listing("North facing ridge tent", ""), NOW));
  }

  @Test
  void aPriceFarBelowTheReferenceRaisesTheScoreButNeverFlagsAlone() {
    // a mid-title mention alone stays below the threshold ...
    assertEquals(List.of(), match(listing("Warm winter parka NORDVIK style", "", "demo-market:x", "249.00")));
    // ... and the low price lifts it over
    List<Flag> cheap = match(listing("Warm winter parka NORDVIK style", "", "demo-market:x", "39.00"));
    assertEquals(1, cheap.size());
    assertTrue(cheap.get(0).signals().stream().anyMatch(s -> s.type().equals("PRICE_BELOW_REFERENCE")));
    assertTrue(cheap.get(0).score() > 0.7);
    // the same price without any mark is nothing
    assertEquals(List.of(), match(listing("Warm winter parka", "", "demo-market:x", "39.00")));
  }

  @Test
  void aPriceInAnotherCurrencyIsNotCompared() {
    Listing eur = new Listing(
        "l-eur", "demo-market", "https://demo.example/eur", "Warm winter parka NORDVIK style", "", "", "outerwear",
        new ipwatch.model.Money("39.00", "EUR"), null, List.of(), null, null, null, NOW, null);
    assertEquals(List.of(), match(eur));
  }

  @Test
  void aRemovedAssetIsNoLongerMatched() {
    Registry registry = Fixtures.demoRegistry();
    ListingMatcher m = new ListingMatcher(registry, MatchSettings.defaults());
    registry.remove("tm-nordvik");
    assertEquals(List.of(), m.match(listing("NORDVIK parka", "Nordvik"), NOW));
  }
}
