package ipwatch.crawl.extract;

import static ipwatch.crawl.extract.ProductFields.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** schema.org Product in microdata (itemscope/itemprop), also RDFa-lite property="..." on the same vocabulary. */
final class MicrodataReader {
  /**
   * A product page has one product scope, a grid a few dozen. Beyond this many the rest add nothing, and a hostile page
   * of thousands of nested scopes would otherwise cost time quadratic in its size (found by the robustness test).
   */
  static final int MAX_PRODUCT_SCOPES = 20;

  private MicrodataReader() {}

  static void read(Document doc, ProductFields f) {
    int scopes = 0;
    for (Element element : doc.select("[itemscope][itemtype~=(?i)schema\\.org/(Product|ProductGroup|IndividualProduct|Book|Vehicle|Car)$]")) {
      if (++scopes > MAX_PRODUCT_SCOPES) {
        break;
      }
      Scope product = new Scope(element);
      f.markProduct("microdata");
      f.offer(TITLE, product.own("name"));
      f.offer(DESCRIPTION, product.own("description"));
      Element brand = product.first("brand");
      if (brand != null) {
        f.offer(BRAND, brand.hasAttr("itemscope") ? new Scope(brand).any("name") : value(brand));
      }
      f.offer(CATEGORY, product.own("category"));
      f.offer(SKU, product.any("sku"));
      f.offer(MPN, product.any("mpn"));
      for (String g : new String[] {"gtin13", "gtin", "gtin12", "gtin14", "gtin8", "isbn"}) {
        f.offer(GTIN, product.any(g));
      }
      f.offer(CURRENCY, product.any("priceCurrency"));
      f.offer(PRICE, lowestPrice(product));
      f.offer(PRICE, product.any("lowPrice"));
      f.offer(AVAILABILITY, Availability.normalize(product.any("availability")));
      for (Element img : product.props("image")) {
        f.offer(IMAGE, value(img));
      }
      Element seller = product.first("seller");
      if (seller != null) {
        Scope s = new Scope(seller);
        f.offer(SELLER_NAME, seller.hasAttr("itemscope") ? s.any("name") : value(seller));
        f.offer(SELLER_URL, s.any("url"));
        f.offer(SELLER_PREFIX + "email", s.any("email"));
        f.offer(SELLER_PREFIX + "phone", s.any("telephone"));
      }
    }
    // Offers marked up without a Product scope around them still say the price.
    Element loosePrice = doc.selectFirst("[itemprop=price], [property=\"product:price:amount\"]");
    if (loosePrice != null && !f.productEvidence().isEmpty()) {
      f.offer(PRICE, value(loosePrice));
      Element currency = doc.selectFirst("[itemprop~=(^|\\s)priceCurrency($|\\s)], [property~=^(schema:)?priceCurrency$]");
      f.offer(CURRENCY, currency == null ? null : value(currency));
    }
  }

  /**
   * A product with several offers (a hidden list price and the visible sale price, or one per seller) is on sale here
   * for the lowest of them, as an AggregateOffer's lowPrice would say.
   */
  private static String lowestPrice(Scope product) {
    String best = null;
    java.math.BigDecimal min = null;
    for (Element e : product.props("price")) {
      String v = value(e);
      java.math.BigDecimal amount = PriceParser.parse(v, null).map(m -> new java.math.BigDecimal(m.amount()))
          .orElse(null);
      if (amount != null && amount.signum() > 0 && (min == null || amount.compareTo(min) < 0)) {
        min = amount;
        best = v;
      }
    }
    return best != null ? best : product.any("price");
  }

  /**
   * An item scope with its properties (itemprop tokens, and RDFa-lite property="name" or "schema:name") indexed in
   * document order by one walk of its subtree, so reading twenty properties costs one pass, not twenty selector queries.
   */
  private static final class Scope {
    private final Element root;
    private final Map<String, List<Element>> byProp = new HashMap<>();

    Scope(Element root) {
      this.root = root;
      for (Element e : root.getAllElements()) {
        String itemprop = e.attr("itemprop").trim();
        if (!itemprop.isEmpty()) {
          for (String p : itemprop.split("\\s+")) {
            add(p, e);
          }
        }
        String property = e.attr("property");
        if (!property.isEmpty()) {
          add(property.startsWith("schema:") ? property.substring("schema:".length()) : property, e);
        }
      }
    }

    private void add(String prop, Element e) {
      List<Element> list = byProp.computeIfAbsent(prop, k -> new ArrayList<>());
      if (list.isEmpty() || list.get(list.size() - 1) != e) {
        list.add(e);
      }
    }

    List<Element> props(String prop) {
      return byProp.getOrDefault(prop, List.of());
    }

    Element first(String prop) {
      List<Element> es = props(prop);
      return es.isEmpty() ? null : es.get(0);
    }

    String any(String prop) {
      Element e = first(prop);
      return e == null ? null : value(e);
    }

    /** The first element with the property directly in this item's scope (not in a nested brand or offer). */
    String own(String prop) {
      for (Element e : props(prop)) {
        if (scopeOf(e) == root) {
          return value(e);
        }
      }
      return null;
    }
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
