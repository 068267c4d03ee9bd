package ipwatch.crawl.extract;

import static ipwatch.crawl.extract.ProductFields.CURRENCY;
import static ipwatch.crawl.extract.ProductFields.PRICE;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Shops without any price markup still lay out a product page the same way: the product's title in an h1, then its
 * price in an element whose class or id says "price", then a buy button. This reads the first such price after the
 * title (so header mini-carts and "related products" further down lose), and calls the page a product only when it
 * also has a few buy controls (a wrapper, its button and the mobile copy count apiece): a category page has a buy button per item, a hub none.
 */
final class PriceBlockReader {
  private static final Pattern PRICE_NAME =
      Pattern.compile("(?i)price|preis|prix|precio|prezzo|pre[cç]o|cena|cijena|hinta|fiyat|kaina|cen[aà]|цена");
  private static final Pattern BUY = Pattern.compile("(?i)add.?to.?(cart|basket|bag|trolley)|button.?cart|cart.?but"
      + "|add.?cart|buy.?(now|button|btn)|btn.?buy|addtobasket|warenkorb|panier|carrito|carrello|winkelwagen|koszyk"
      + "|ko[sš][ií]k|kosar|ostukorv|grozs|krepšel|корзин|購物車|购物车|カート");
  /** How far after the title a price may be: product pages put it close, next to the picture. */
  private static final int WINDOW = 2500;
  private static final int MAX_PRICE_TEXT = 40;
  /** A category page has a buy button per item (a dozen or more); a product page a handful with mobile copies. */
  private static final int MAX_BUY_CONTROLS = 6;

  private PriceBlockReader() {}

  /** Offers the price (and its currency) when no earlier reader found one; marks the page a product if it looks it. */
  static void read(Document doc, ProductFields f, String currencyHint) {
    if (f.has(PRICE) || doc.body() == null) {
      return;
    }
    Elements all = doc.body().getAllElements();
    int start = titleIndex(doc, all);
    for (int i = start; i < Math.min(all.size(), start + WINDOW); i++) {
      Element e = all.get(i);
      if (!namesPrice(e) || inChrome(e)) {
        continue;
      }
      String text = e.text().trim();
      if (text.isEmpty() || text.length() > MAX_PRICE_TEXT || Currencies.detect(text).isEmpty()) {
        continue;
      }
      var money = PriceParser.parse(text, currencyHint);
      if (money.isPresent() && money.get().amount() != null
          && new java.math.BigDecimal(money.get().amount()).signum() > 0) {
        if (f.productEvidence().isEmpty() && !looksLikeProductPage(doc)) {
          return;
        }
        f.markProduct("price-block");
        f.offer(PRICE, text);
        f.offer(CURRENCY, money.get().currency());
        return;
      }
    }
  }

  private static boolean namesPrice(Element e) {
    return PRICE_NAME.matcher(e.className()).find() || PRICE_NAME.matcher(e.id()).find()
        || e.attr("itemprop").toLowerCase(Locale.ROOT).contains("price");
  }

  private static boolean inChrome(Element e) {
    return e.closest("header, nav, footer, script, style, noscript") != null;
  }

  /** The index of the product's h1: the one whose text the document title starts with or contains, else the first. */
  private static int titleIndex(Document doc, Elements all) {
    String title = doc.title().toLowerCase(Locale.ROOT);
    int first = -1;
    for (int i = 0; i < all.size(); i++) {
      Element e = all.get(i);
      if (!e.normalName().equals("h1") || e.text().isBlank()) {
        continue;
      }
      String h1 = e.text().toLowerCase(Locale.ROOT).trim();
      if (title.contains(h1.substring(0, Math.min(h1.length(), 30)))) {
        return i;
      }
      first = first < 0 ? i : first;
    }
    return Math.max(first, 0);
  }

  private static boolean looksLikeProductPage(Document doc) {
    int buy = 0;
    for (Element e : doc.select("button, input[type=submit], input[type=button], input[type=image], a[id], a[class], "
        + "form[action], form[id], form[class], div[id], div[class]")) {
      String words = e.id() + " " + e.className() + " " + e.attr("name") + " " + e.attr("action") + " "
          + (e.normalName().equals("input") ? e.attr("value") : e.normalName().equals("button") ? e.text() : "");
      if (BUY.matcher(words).find() && !inChrome(e)) {
        buy++;
      }
    }
    return buy >= 1 && buy <= MAX_BUY_CONTROLS;
  }
}
