package ipwatch.crawl.extract;

import static ipwatch.crawl.extract.ProductFields.*;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Open Graph and product meta tags (og:*, product:*), then the page's own title and description as a last resort. */
final class MetaTagReader {
  private MetaTagReader() {}

  static void read(Document doc, ProductFields f) {
    String ogType = meta(doc, "og:type");
    String price = first(doc, "product:price:amount", "og:price:amount", "product:price", "og:price");
    if (ogType != null && ogType.toLowerCase(Locale.ROOT).contains("product") || price != null) {
      f.markProduct("meta");
    }
    f.offer(PRICE, price);
    f.offer(CURRENCY, first(doc, "product:price:currency", "og:price:currency", "product:currency"));
    f.offer(BRAND, first(doc, "product:brand", "og:brand", "brand"));
    f.offer(AVAILABILITY, Availability.normalize(first(doc, "product:availability", "og:availability")));
    f.offer(SKU, first(doc, "product:retailer_item_id", "product:sku"));
    f.offer(GTIN, first(doc, "product:gtin", "product:ean", "product:upc"));
    f.offer(CATEGORY, first(doc, "product:category"));
    f.offer(TITLE, meta(doc, "og:title"));
    f.offer(DESCRIPTION, first(doc, "og:description", "description"));
    f.offer(IMAGE, meta(doc, "og:image"));
    f.offer(IMAGE, meta(doc, "og:image:secure_url"));
  }

  static void fallbackTitle(Document doc, ProductFields f) {
    Element h1 = doc.selectFirst("h1");
    f.offer(TITLE, h1 == null ? null : h1.text());
    f.offer(TITLE, doc.title());
  }

  private static String first(Document doc, String... names) {
    for (String n : names) {
      String v = meta(doc, n);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String meta(Document doc, String name) {
    Element e = doc.selectFirst(
        "meta[property=\"" + name + "\"], meta[name=\"" + name + "\"], meta[itemprop=\"" + name + "\"]");
    return e == null ? null : e.attr("content");
  }
}
