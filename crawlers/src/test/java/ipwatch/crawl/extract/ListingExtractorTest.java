package ipwatch.crawl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Money;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ListingExtractorTest {
  private static final URI URL = URI.create("https://shop.example/p/1");
  private final ListingExtractor extractor = new ListingExtractor(Marketplaces.none());

  @Test
  void jsonLdProductFillsEveryFieldIncludingSellerIdentifiers() {
    String html = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
        + "\"WebPage\"},{\"@type\":\"Product\",\"name\":\"Aria headphones\",\"description\":\"Wireless\",\"brand\":"
        + "{\"@type\":\"Brand\",\"name\":\"Lumora\"},\"sku\":\"A-1\",\"gtin13\":\"4006381333931\",\"mpn\":\"AR1\","
        + "\"category\":\"electronics\",\"image\":[\"/img/1.jpg\",{\"@type\":\"ImageObject\",\"url\":\"/img/2.jpg\"}],"
        + "\"offers\":{\"@type\":\"Offer\",\"price\":199.00,\"priceCurrency\":\"USD\",\"availability\":"
        + "\"https://schema.org/InStock\",\"seller\":{\"@type\":\"Organization\",\"name\":\"Lumora Store\","
        + "\"identifier\":\"lumora-store\",\"email\":\"shop@lumora.example\",\"telephone\":\"+1 555\"}}}]}</script>";
    ExtractedPage p = extractor.extract(URL, html).orElseThrow();
    assertEquals("Aria headphones", p.title());
    assertEquals("Lumora", p.brand());
    assertEquals(new Money("199.00", "USD"), p.price());
    assertEquals("4006381333931", p.gtin());
    assertEquals("A-1", p.sku());
    assertEquals("AR1", p.mpn());
    assertEquals("InStock", p.availability());
    assertEquals(List.of("https://shop.example/img/1.jpg", "https://shop.example/img/2.jpg"),
        p.toListing(null, null).images().stream().map(i -> URL.resolve(i.url()).toString()).toList());
    assertEquals("shop.example:lumora-store", p.seller().id());
    assertEquals(Map.of("email", "shop@lumora.example", "phone", "+1 555"), p.seller().identifiers());
    assertEquals("shop.example", p.marketplace());
  }

  @Test
  void microdataIsReadWhenThereIsNoJsonLd() {
    String html = "<div itemscope itemtype=\"http://schema.org/Product\"><h1 itemprop=\"name\">Parka</h1>"
        + "<span itemprop=\"brand\" itemscope itemtype=\"http://schema.org/Brand\"><span itemprop=\"name\">Nordvik"
        + "</span></span><div itemprop=\"offers\" itemscope itemtype=\"http://schema.org/Offer\">"
        + "<meta itemprop=\"priceCurrency\" content=\"EUR\"><span itemprop=\"price\" content=\"289.00\">289,00 €</span>"
        + "<link itemprop=\"availability\" href=\"http://schema.org/OutOfStock\"></div></div>";
    ExtractedPage p = extractor.extract(URL, html).orElseThrow();
    assertEquals("Parka", p.title());
    assertEquals("Nordvik", p.brand());
    assertEquals(new Money("289.00", "EUR"), p.price());
    assertEquals("OutOfStock", p.availability());
  }

  @Test
  void openGraphProductTagsAreTheNextSource() {
    String html = "<head><meta property=\"og:type\" content=\"product\"><meta property=\"og:title\" content=\"Lamp\">"
        + "<meta property=\"product:price:amount\" content=\"25\"><meta property=\"product:price:currency\" "
        + "content=\"GBP\"><meta property=\"product:brand\" content=\"IKEA\"></head>";
    ExtractedPage p = extractor.extract(URL, html).orElseThrow();
    assertEquals("Lamp", p.title());
    assertEquals("IKEA", p.brand());
    assertEquals(new Money("25", "GBP"), p.price());
  }

  @Test
  void marketplaceCssRulesFillWhatMarkupLeavesOut() {
    MarketplaceRules rules = new MarketplaceRules("shop", List.of("shop.example"), Optional.empty(), "EUR",
        Map.of("price", new CssRule(".price", null, null),
            "brand", new CssRule("#byline", null, Pattern.compile("Brand: (.+)")),
            "seller.name", new CssRule(".seller", null, null)), List.of("price"));
    ListingExtractor withRules = new ListingExtractor(new Marketplaces(List.of(rules)));
    ExtractedPage p = withRules.extract(URL, "<h1>Kettle</h1><p id=byline>Brand: Brewmaster</p>"
        + "<span class=price>1.299,00</span><a class=seller href=/s/kitchen-pro>Kitchen Pro</a>").orElseThrow();
    assertEquals("Kettle", p.title());
    assertEquals("Brewmaster", p.brand());
    assertEquals(new Money("1299.00", "EUR"), p.price());
    assertEquals("shop:kitchen-pro", p.seller().id());
  }

  @Test
  void aPageWithoutProductDataIsAHubNotAListing() {
    assertTrue(extractor.extract(URL, "<h1>Category</h1><a href=/p/1>item</a>").isEmpty());
  }

  @Test
  void brokenJsonLdIsIgnoredNotFatal() {
    assertTrue(extractor.extract(URL, "<script type=application/ld+json>{\"@type\":\"Product\",</script>").isEmpty());
  }

  @Test
  void aPriceBlockAfterTheTitleWithABuyButtonMakesAListingWithoutMarkup() {
    String html = "<title>Reading lenses STICK-ON | Shop</title><div class=mini-cart><span class=price>0,00 €</span>"
        + "</div><h1>Reading lenses STICK-ON</h1><ul><li><strong>Proizvajalec:</strong> <a href=/m/13>B&amp;S</a>"
        + "</li></ul><ul class=prices><li class=price><span class=price-live>40.00€</span></li></ul>"
        + "<button id=button-cart>Naroči</button>";
    ExtractedPage p = extractor.extract(URI.create("https://shop.example.si/p/1"), html).orElseThrow();
    assertEquals(new Money("40.00", "EUR"), p.price());
    assertEquals("B&S", p.brand());
    assertEquals("Reading lenses STICK-ON", p.title());
  }

  @Test
  void aCategoryPageWithABuyButtonPerItemIsNotAListing() {
    StringBuilder html = new StringBuilder("<title>Lenses</title><h1>Lenses</h1>");
    for (int i = 0; i < 12; i++) {
      html.append("<div class=item><a href=/p/").append(i).append(">Lens ").append(i)
          .append("</a><span class=price>1").append(i).append(",00 €</span><button class=add-to-cart>Buy</button></div>");
    }
    assertTrue(extractor.extract(URL, html.toString()).isEmpty());
  }

  @Test
  void inlineBrandLabelsAreReadInManyLanguages() {
    String html = "<script type=application/ld+json>{\"@type\":\"Product\",\"name\":\"Washer\",\"offers\":"
        + "{\"price\":\"50\",\"priceCurrency\":\"GBP\"}}</script><p class=attrgroup><span>condition: <b>good</b>"
        + "</span><br><span>make/manufacturer: <b>Indesit</b></span></p><table><tr><td>Kaubamärk</td><td>Eglo</td></tr>"
        + "</table>";
    assertEquals("Indesit", extractor.extract(URL, html).orElseThrow().brand());
  }

  @Test
  void ticketsOfferedByAnEventAreAListing() {
    String html = "<script type=application/ld+json>[{\"@type\":\"Event\",\"name\":\"Lina de Lima\",\"offers\":"
        + "{\"@type\":\"AggregateOffer\",\"lowPrice\":\"3340\",\"priceCurrency\":\"CLP\"}}]</script>";
    ExtractedPage p = extractor.extract(URL, html).orElseThrow();
    assertEquals("Lina de Lima", p.title());
    assertEquals(new Money("3340", "CLP"), p.price());
  }

  @Test
  void ofSeveralMicrodataOffersTheLowestIsThePriceAndAnyInStockOfferMakesItAvailable() {
    String html = "<div itemscope itemtype=\"http://schema.org/Product\"><h1 itemprop=name>Fairy Oak</h1>"
        + "<div itemprop=offers itemscope itemtype=\"http://schema.org/Offer\"><meta itemprop=price content=18.00>"
        + "<meta itemprop=priceCurrency content=EUR></div><div itemprop=offers itemscope itemtype="
        + "\"http://schema.org/Offer\"><meta itemprop=price content=17.10></div></div>"
        + "<script type=application/ld+json>{\"@type\":\"Product\",\"name\":\"Boots\",\"offers\":["
        + "{\"price\":\"90\",\"availability\":\"OutOfStock\"},{\"price\":\"90\",\"availability\":\"InStock\"}]}"
        + "</script>";
    assertEquals(new Money("17.10", "EUR"), extractor.extract(URL, html.substring(0, html.indexOf("<script")))
        .orElseThrow().price());
    assertEquals("InStock", extractor.extract(URL, html.substring(html.indexOf("<script"))).orElseThrow()
        .availability());
  }

  @Test
  void aListOfCssRulesIsTriedInOrderAndShopAvailabilityLinesAreClassified() {
    CssRule price = new CssRule("#buybox .price", null, null)
        .then(new CssRule(".a-color-price", null, Pattern.compile("(.*\\d.*)")));
    MarketplaceRules rules = new MarketplaceRules("shop", List.of("shop.example"), Optional.empty(), "USD",
        Map.of("title", new CssRule("h1", null, null), "price", price,
            "availability", new CssRule("#availability", null, null)), List.of("title"));
    ExtractedPage p = new ListingExtractor(new Marketplaces(List.of(rules))).extract(URL,
        "<h1>CD</h1><span class=a-color-price>Music Unlimited</span><span class=a-color-price>$9.49</span>"
            + "<div id=availability>Derzeit nicht verfügbar.</div>").orElseThrow();
    assertEquals(new Money("9.49", "USD"), p.price());
    assertEquals("OutOfStock", p.availability());
  }

  @Test
  void anAbsurdJsonLdNumberIsIgnoredInsteadOfWrittenOutInFull() {
    String html = "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Parka\",\"offers\":"
        + "{\"price\":1e999999,\"priceCurrency\":\"EUR\"}}</script>";
    ExtractedPage p = extractor.extract(URL, html).orElseThrow();
    assertEquals("Parka", p.title());
    assertEquals(null, p.price());
  }

  @Test
  void onlyTheFirstProductScopesOfAPageOfThousandsAreRead() {
    String scope = "<div itemscope itemtype=\"http://schema.org/Product\"><span itemprop=\"name\">Parka</span>";
    ExtractedPage p = extractor.extract(URL, scope.repeat(5_000)).orElseThrow();
    assertEquals("Parka", p.title());
  }
}
