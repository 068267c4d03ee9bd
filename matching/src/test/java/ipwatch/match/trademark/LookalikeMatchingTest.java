package ipwatch.match.trademark;

import static ipwatch.match.Fixtures.NOW;
import static ipwatch.match.Fixtures.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.match.ListingMatcher;
import ipwatch.match.MatchSettings;
import ipwatch.match.Registry;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import ipwatch.model.Listing;
import ipwatch.model.Trademark;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LookalikeMatchingTest {
  private static Trademark tm(String id, String mark) {
    return new Trademark(id, "org-" + id, mark, List.of(9), List.of("US", "EU"), List.of("shop:official"), List.of());
  }

  private final Registry registry =
      Registry.of(List.of(tm("tm-samsung", "Samsung"), tm("tm-sony", "Sony"), tm("tm-philips", "Philips"),
          tm("tm-north", "North Ridge"), tm("tm-panasonic", "Panasonic"), tm("tm-sennheiser", "Sennheiser"), tm("tm-denon", "Denon")));
  private final ListingMatcher matcher = new ListingMatcher(registry, MatchSettings.defaults());

  private List<Flag> match(Listing l) {
    return matcher.match(l, NOW);
  }

  private void assertLookalike(String assetId, List<Flag> flags, String what) {
    assertEquals(1, flags.size(), what + ": " + flags);
    assertEquals(assetId, flags.get(0).assetId(), what);
    assertEquals(FlagKind.LOOKALIKE, flags.get(0).kind(), what);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ѕamsung", "ЅАМЅUNG", "Samѕung", "Ｓａｍｓｕｎｇ™"})
  void homoglyphsFromOtherScriptsAreLookalikesFoundThroughUnicodeConfusables(String brand) {
    List<Flag> flags = match(listing("Galaxy S23 smartphone 256GB", brand));
    if (brand.startsWith("Ｓ")) {
      assertEquals(FlagKind.BRAND_USE, flags.get(0).kind(), "full width is the mark itself after NFKC");
      return;
    }
    assertLookalike("tm-samsung", flags, brand);
    assertTrue(flags.get(0).signals().stream().anyMatch(s -> s.type().equals(LookalikeScorer.OBFUSCATION)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"S4MSUNG", "5amsung", "S@msung", "$amsung", "sarnsung", "5AM5UNG"})
  void leetspeakAndLookalikeLetterGroupsAreLookalikes(String word) {
    assertLookalike("tm-samsung", match(listing(word + " Galaxy S23 smartphone", "")), word);
  }

  @ParameterizedTest
  @ValueSource(strings = {"s a m s u n g", "sam-sung", "S.A.M.S.U.N.G", "Sam sung", "sam_sung"})
  void spacingAndPunctuationInsideTheWordAreLookalikes(String word) {
    assertLookalike("tm-samsung", match(listing(word + " Galaxy S23 smartphone", "")), word);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Samsunq", "Samsnug", "Sammsung", "Smsung", "Samsungg", "Panasonik", "Panasnoic"})
  void oneEditOpeningTheTitleIsALookalike(String word) {
    List<Flag> flags = match(listing(word + " Galaxy S23 smartphone", ""));
    assertEquals(1, flags.size(), word + ": " + flags);
    assertEquals(FlagKind.LOOKALIKE, flags.get(0).kind());
    assertTrue(flags.get(0).score() >= 0.7 && flags.get(0).score() < 0.75, word + " " + flags.get(0).score());
  }

  @Test
  void twoEditsAreALookalikeOnlyForLongMarks() {
    assertLookalike("tm-sennheiser", match(listing("Headphones", "Semnheiset")), "Semnheiset");
    assertEquals(List.of(), match(listing("Tv", "Panasomik")), "two edits of a 9-letter mark");
    assertEquals(List.of(), match(listing("Phone", "Sansumg")), "Sansumg is two edits from a 7-letter mark");
  }

  @Test
  void aSpellingThatSoundsLikeTheMarkIsALookalike() {
    List<Flag> flags = match(listing("AV receiver 7.1", "Danon"));
    assertLookalike("tm-denon", flags, "Danon");
    assertTrue(flags.get(0).signals().get(0).detail().contains("sounds like"), flags.get(0).signals().toString());
    assertLookalike("tm-sony", match(listing("Walkman", "Soni")), "a short mark's one-edit sound-alike");
  }

  @Test
  void soundAlikesTwoEditsAwayAreOtherNamesNotLookalikes() {
    assertEquals(List.of(), match(listing("Shaver series 5000", "Filips")));
  }

  @Test
  void shortMarksAcceptDisguisesButNoEdits() {
    assertLookalike("tm-sony", match(listing("Walkman", "S0NY")), "S0NY");
    assertLookalike("tm-sony", match(listing("Walkman", "S o n y")), "S o n y");
    assertEquals(List.of(), match(listing("Walkman", "Sonnie")));
    assertEquals(List.of(), match(listing("Walkman", "Pony")));
    assertEquals(List.of(), match(listing("Walkman", "Sorny")), "one edit, but a short mark takes none");
  }

  @Test
  void typosquatsOfShortishMarksMustKeepTheFirstLetter() {
    assertEquals(List.of(), match(listing("Galaxy phone", "Xamsung")));
  }

  @Test
  void aMultiWordMarkWithALeetLetterIsALookalike() {
    assertLookalike("tm-north", match(listing("N0rth Ridge trail shoes", "")), "N0rth Ridge");
  }

  @Test
  void theExactMarkIsBrandUseNotALookalike() {
    List<Flag> flags = match(listing("Samsung Galaxy S23", "Samsung"));
    assertEquals(1, flags.size());
    assertEquals(FlagKind.BRAND_USE, flags.get(0).kind());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Case for Samsunq Galaxy S23", "Cover compatible with Ѕamsung Galaxy", "Charger fits S4MSUNG"})
  void aDescriptiveLookalikeIsNotFlagged(String title) {
    assertEquals(List.of(), match(listing(title, "CaseCo")));
  }

  @Test
  void aWordThatIsItselfARegisteredMarkIsNotALookalikeOfAnother() {
    Registry r = Registry.of(List.of(tm("tm-canon", "Canon"), tm("tm-canton", "Canton")));
    List<Flag> flags = new ListingMatcher(r, MatchSettings.defaults()).match(listing("Canton speaker", ""), NOW);
    assertEquals(List.of("tm-canton"), flags.stream().map(Flag::assetId).toList());
    assertEquals(FlagKind.BRAND_USE, flags.get(0).kind());
  }

  @Test
  void theAuthorisedSellerIsNotFlaggedForALookalikeEither() {
    assertEquals(List.of(), match(listing("Galaxy phone", "Samsunq", "shop:official", "100.00")));
  }

  @Test
  void ordinaryWordsNearAMarkInTheMiddleOfATitleAreNotFlagged() {
    assertEquals(List.of(), match(listing("Wireless charger pad for desk, samsunq style", "Ankor")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Headphones S0NY style, black", "Wireless headphones by Ѕony", "Bass headphones Soni sound"})
  void aShortMarksLookalikeInTheMiddleOfATitleDoesNotCount(String title) {
    assertEquals(List.of(), match(listing(title, "")), title);
  }

  @ParameterizedTest
  @ValueSource(strings = {"S0NY headphones, black", "Ѕony wireless headphones", "Soni bass headphones"})
  void aShortMarksLookalikeOpeningTheTitleCounts(String title) {
    assertLookalike("tm-sony", match(listing(title, "")), title);
  }

  @ParameterizedTest
  @ValueSource(strings = {"S0NY", "Ѕony", "Soni"})
  void aShortMarksLookalikeInTheBrandFieldCounts(String brand) {
    assertLookalike("tm-sony", match(listing("Wireless headphones, black", brand)), brand);
  }

  @Test
  void aLongerMarksDisguiseStillCountsInTheMiddleOfATitle() {
    assertLookalike("tm-samsung", match(listing("Galaxy phone case by Ѕamsung", "")), "Ѕamsung mid-title");
  }

  @Test
  void theFlagExplainsTheSpellingAndQuotesTheSpan() {
    Flag f = match(listing("Galaxy S23", "Samsunq")).get(0);
    assertEquals("Samsunq", f.evidence().spans().get(0).text());
    assertEquals("brand", f.evidence().spans().get(0).field());
    assertTrue(f.signals().get(0).detail().contains("1 edit from the registered mark Samsung"), f.toString());
  }
}
