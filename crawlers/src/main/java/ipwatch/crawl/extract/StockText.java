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
      "non disponibile", "niet op voorraad", "brak w magazynie", "nedostupné", "vypredané", "нет в наличии", "indisponible", "no disponible", "non disponibile",
      "niet beschikbaar", "nie dostępny", "niedostępny", "nicht mehr verfügbar", "temporarily out", "нет на складе",
      "немає в наявності", "品切れ", "在庫切れ", "缺貨", "售完", "품절");

  private StockText() {}

  /**
   * A shop's own availability line ("In Stock.", "Derzeit nicht verfügbar.", "Usually dispatched within 3 days"):
   * out of stock when it says so, otherwise the item is on offer.
   */
  static String classify(String line) {
    String normalized = Availability.normalize(line);
    if (normalized != null) {
      return normalized;
    }
    String text = line.toLowerCase(Locale.ROOT);
    return OUT.stream().anyMatch(text::contains) ? Availability.OUT_OF_STOCK : Availability.IN_STOCK;
  }

  static String guess(Document doc, boolean hasPrice) {
    String text = doc.body() == null ? "" : doc.body().text().toLowerCase(Locale.ROOT);
    if (OUT.stream().anyMatch(text::contains)) {
      return Availability.OUT_OF_STOCK;
    }
    return hasPrice ? Availability.IN_STOCK : null;
  }
}
