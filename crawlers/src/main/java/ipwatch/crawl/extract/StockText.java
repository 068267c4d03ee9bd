package ipwatch.crawl.extract;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;

/**
 * Availability when the markup says nothing: an out-of-stock phrase in the buying area of the page, else in stock when
 * a price is shown (shops rarely show a price for what they cannot sell). A guess, and measured as one.
 */
final class StockText {
  private static final List<String> OUT = List.of("out of stock", "sold out", "currently unavailable",
      "ausverkauft", "nicht verfügbar", "nicht lieferbar", "épuisé", "rupture de stock", "agotado", "esaurito",
      "non disponibile", "niet op voorraad", "brak w magazynie", "nedostupné", "vypredané", "нет в наличии");

  private StockText() {}

  static String guess(Document doc, boolean hasPrice) {
    String text = doc.body() == null ? "" : doc.body().text().toLowerCase(Locale.ROOT);
    if (OUT.stream().anyMatch(text::contains)) {
      return Availability.OUT_OF_STOCK;
    }
    return hasPrice ? Availability.IN_STOCK : null;
  }
}
