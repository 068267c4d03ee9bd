package ipwatch.crawl.extract;

import static ipwatch.crawl.extract.ProductFields.*;

import ipwatch.model.Money;
import ipwatch.model.Seller;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Product data from a page, in order of trust: schema.org JSON-LD, microdata, Open Graph / product meta tags, then the
 * marketplace's CSS rules for what is still missing. A page none of them recognises as a product is a hub (empty).
 */
public final class ListingExtractor {
  private final Marketplaces marketplaces;

  public ListingExtractor(Marketplaces marketplaces) {
    this.marketplaces = marketplaces;
  }

  public Optional<ExtractedPage> extract(URI canonicalUrl, String html) {
    return extract(canonicalUrl, Jsoup.parse(html, canonicalUrl.toString()));
  }

  public Optional<ExtractedPage> extract(URI canonicalUrl, Document doc) {
    MarketplaceRules market = marketplaces.forHost(canonicalUrl.getHost());
    ProductFields f = new ProductFields();
    JsonLdReader.read(doc, f);
    MicrodataReader.read(doc, f);
    MetaTagReader.read(doc, f);
    market.extract().forEach((field, rule) -> {
      String v = rule.apply(doc);
      f.offer(field, v);
      if (v != null && market.productWhen().contains(field)) {
        f.markProduct("css");
      }
    });
    PriceBlockReader.read(doc, f, currencyHint(canonicalUrl, market, f));
    if (f.productEvidence().isEmpty()) {
      return Optional.empty();
    }
    LabelReader.read(doc, f);
    MetaTagReader.fallbackTitle(doc, f);
    return Optional.of(build(canonicalUrl, doc, market, f));
  }

  private ExtractedPage build(URI url, Document doc, MarketplaceRules market, ProductFields f) {
    String hint = currencyHint(url, market, f);
    Optional<Money> price = PriceParser.parse(f.get(PRICE), hint);
    String availability = f.get(AVAILABILITY) != null ? StockText.classify(f.get(AVAILABILITY))
        : StockText.guess(doc, price.isPresent());
    return new ExtractedPage(market.id(), url.toString(), f.get(TITLE), f.get(DESCRIPTION), f.get(BRAND),
        f.get(CATEGORY), price.orElse(null), seller(market.id(), url, f), f.images(), digits(f.get(GTIN)), f.get(SKU),
        f.get(MPN), availability, f.productEvidence());
  }

  /** The page's own currency code, else the marketplace's, else the one its country domain suggests. */
  private static String currencyHint(URI url, MarketplaceRules market, ProductFields f) {
    return Optional.ofNullable(f.get(CURRENCY)).map(Currencies::toIso)
        .orElse(market.currency() != null ? market.currency() : CurrencyHints.forHost(url.getHost()));
  }

  /** Seller ids are "&lt;marketplace&gt;:&lt;handle&gt;": the shop's own identifier, else its URL's last segment, else its name. */
  static Seller seller(String marketplace, URI page, ProductFields f) {
    String name = f.get(SELLER_NAME);
    String url = f.get(SELLER_URL);
    String handle = f.get(SELLER_ID);
    if (handle == null && url != null) {
      String path = URI.create(page.toString()).resolve(url.replace(" ", "%20")).getPath();
      handle = path == null ? null : path.replaceAll("/+$", "").replaceAll(".*/", "");
    }
    if ((handle == null || handle.isBlank()) && name != null) {
      handle = name;
    }
    if (handle == null || handle.isBlank()) {
      return null;
    }
    String slug = handle.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    Map<String, String> ids = f.sellerIdentifiers();
    return new Seller(marketplace + ":" + slug, name, url == null ? null : page.resolve(url.replace(" ", "%20"))
        .toString(), ids);
  }

  private static String digits(String gtin) {
    if (gtin == null) {
      return null;
    }
    String d = gtin.replaceAll("[^0-9]", "");
    return d.length() >= 8 && d.length() <= 14 ? d : gtin;
  }
}
