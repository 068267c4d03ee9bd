package ipwatch.crawl.extract;

import static ipwatch.crawl.extract.ProductFields.*;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** schema.org Product in microdata (itemscope/itemprop), also RDFa-lite property="..." on the same vocabulary. */
final class MicrodataReader {
  private MicrodataReader() {}

  static void read(Document doc, ProductFields f) {
    for (Element product : doc.select("[itemscope][itemtype~=(?i)schema\\.org/(Product|ProductGroup|IndividualProduct|Book|Vehicle|Car)$]")) {
      f.markProduct("microdata");
      f.offer(TITLE, own(product, "name"));
      f.offer(DESCRIPTION, own(product, "description"));
      Element brand = first(product, "brand");
      if (brand != null) {
        f.offer(BRAND, brand.hasAttr("itemscope") ? any(brand, "name") : value(brand));
      }
      f.offer(CATEGORY, own(product, "category"));
      f.offer(SKU, any(product, "sku"));
      f.offer(MPN, any(product, "mpn"));
      for (String g : new String[] {"gtin13", "gtin", "gtin12", "gtin14", "gtin8", "isbn"}) {
        f.offer(GTIN, any(product, g));
      }
      f.offer(CURRENCY, any(product, "priceCurrency"));
      f.offer(PRICE, lowestPrice(product));
      f.offer(PRICE, any(product, "lowPrice"));
      f.offer(AVAILABILITY, Availability.normalize(any(product, "availability")));
      for (Element img : props(product, "image")) {
        f.offer(IMAGE, value(img));
      }
      Element seller = first(product, "seller");
      if (seller != null) {
        f.offer(SELLER_NAME, seller.hasAttr("itemscope") ? any(seller, "name") : value(seller));
        f.offer(SELLER_URL, any(seller, "url"));
        f.offer(SELLER_PREFIX + "email", any(seller, "email"));
        f.offer(SELLER_PREFIX + "phone", any(seller, "telephone"));
      }
    }
    // Offers marked up without a Product scope around them still say the price.
    Element loosePrice = doc.selectFirst("[itemprop=price], [property=\"product:price:amount\"]");
    if (loosePrice != null && !f.productEvidence().isEmpty()) {
      f.offer(PRICE, value(loosePrice));
      f.offer(CURRENCY, any(doc, "priceCurrency"));
    }
  }

  /**
   * A product with several offers (a hidden list price and the visible sale price, or one per seller) is on sale here
   * for the lowest of them, as an AggregateOffer's lowPrice would say.
   */
  private static String lowestPrice(Element product) {
    String best = null;
    java.math.BigDecimal min = null;
    for (Element e : props(product, "price")) {
      String v = value(e);
      java.math.BigDecimal amount = PriceParser.parse(v, null).map(m -> new java.math.BigDecimal(m.amount()))
          .orElse(null);
      if (amount != null && amount.signum() > 0 && (min == null || amount.compareTo(min) < 0)) {
        min = amount;
        best = v;
      }
    }
    return best != null ? best : any(product, "price");
  }

  /** The first element with the property directly in this item's scope (not in a nested brand or offer). */
  private static String own(Element scope, String prop) {
    for (Element e : props(scope, prop)) {
      if (scopeOf(e) == scope) {
        return value(e);
      }
    }
    return null;
  }

  private static String any(Element scope, String prop) {
    Element e = first(scope, prop);
    return e == null ? null : value(e);
  }

  private static Element first(Element scope, String prop) {
    Elements es = props(scope, prop);
    return es.isEmpty() ? null : es.first();
  }

  private static Elements props(Element scope, String prop) {
    return scope.select("[itemprop~=(^|\\s)" + prop + "($|\\s)], [property~=^(schema:)?" + prop + "$]");
  }

  private static Element scopeOf(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p.hasAttr("itemscope")) {
        return p;
      }
    }
    return null;
  }

  static String value(Element e) {
    if (e.hasAttr("content")) {
      return e.attr("content");
    }
    switch (e.normalName()) {
      case "meta":
        return e.attr("content");
      case "link":
      case "a":
        return e.hasAttr("href") ? e.absUrl("href") : e.text();
      case "img":
      case "source":
        return e.hasAttr("src") ? e.absUrl("src") : e.attr("data-src");
      case "data":
      case "meter":
        return e.attr("value");
      case "time":
        return e.hasAttr("datetime") ? e.attr("datetime") : e.text();
      default:
        return e.text();
    }
  }
}
