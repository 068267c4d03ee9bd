package ipwatch.match.registry;

import static ipwatch.match.Fixtures.NOW;
import static ipwatch.match.Fixtures.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.match.ListingMatcher;
import ipwatch.match.MatchSettings;
import ipwatch.match.Registry;
import ipwatch.model.Flag;
import ipwatch.model.Listing;
import ipwatch.model.Money;
import ipwatch.model.Trademark;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssetGateTest {
  private static final Trademark FRUIT_APPLE =
      new Trademark("tm-apple-fruit", "org-orchard", "Apple", List.of(31), List.of("US"), List.of(), List.of());
  private static final Trademark CN_ONLY =
      new Trademark("tm-lumen", "org-lumen", "Lumenta", List.of(9), List.of("CN"), List.of(), List.of());

  private List<String> flagged(Registry registry, Listing l) {
    return new ListingMatcher(registry, MatchSettings.defaults()).match(l, NOW).stream().map(Flag::assetId).toList();
  }

  @Test
  void aMarkRegisteredOnlyForFruitIsNotInfringedByALaptop() {
    Registry r = Registry.of(List.of(FRUIT_APPLE));
    assertEquals(List.of(), flagged(r, listing("Apple MacBook Air 13", "Apple", "shop:x", "999.00", "Laptops")));
    assertEquals(
        List.of("tm-apple-fruit"),
        flagged(r, listing("Apple Pink Lady 1kg", "Apple", "shop:x", "3.00", "Grocery > Fresh Fruit")));
  }

  @Test
  void anUnknownCategoryGatesNothing() {
    Registry r = Registry.of(List.of(FRUIT_APPLE));
    assertEquals(List.of("tm-apple-fruit"), flagged(r, listing("Apple thing", "Apple", "shop:x", "3.00", "Misc")));
  }

  @Test
  void categoriesMatchByWordsInOrderAndIgnorePlurals() {
    CategoryClasses c = CategoryClasses.bundled();
    assertEquals(Optional.of(Set.of(9)), c.classesOf("Electronics > Headphones & Earbuds"));
    assertEquals(Optional.of(Set.of(14)), c.classesOf("Men's Watch"));
    assertEquals(Optional.of(Set.of(25)), c.classesOf("SHOES"));
    assertEquals(Optional.of(Set.of(5, 18, 21, 28, 31)), c.classesOf("Pet Supplies > Bird Feeders"));
    assertEquals(Optional.empty(), c.classesOf("Miscellaneous"));
    assertEquals(Optional.empty(), c.classesOf(null));
  }

  @Test
  void aMarkIsNotInfringedWhereItIsNotRegistered() {
    Registry r = Registry.of(List.of(CN_ONLY));
    Listing onAmazonDe = withUrl(listing("Lumenta desk lamp", "Lumenta"), "https://www.amazon.de/dp/B01", "EUR");
    assertEquals(List.of(), flagged(r, onAmazonDe));
    Listing onTmall = withUrl(listing("Lumenta desk lamp", "Lumenta"), "https://detail.tmall.cn/item?id=1", "CNY");
    assertEquals(List.of("tm-lumen"), flagged(r, onTmall));
    assertEquals(List.of("tm-lumen"), flagged(r, listing("Lumenta desk lamp", "Lumenta")), "USD on .example: unknown");
  }

  @Test
  void anEuMarkCoversEveryMemberState() {
    assertTrue(Jurisdictions.covers(List.of("EU"), "DE"));
    assertTrue(Jurisdictions.covers(List.of("FR"), "EU"));
    assertEquals(Optional.of("EU"), Jurisdictions.of(withUrl(listing("x", ""), "https://shop.example/x", "EUR")));
    assertEquals(Optional.of("GB"), Jurisdictions.of(withUrl(listing("x", ""), "https://www.ebay.co.uk/x", "GBP")));
  }

  private static Listing withUrl(Listing l, String url, String currency) {
    return new Listing(
        l.listingId(), l.marketplace(), url, l.title(), l.description(), l.brand(), l.category(),
        new Money(l.price().amount(), currency), l.seller(), l.images(), null, null, null, l.fetchedAt(), null);
  }
}
