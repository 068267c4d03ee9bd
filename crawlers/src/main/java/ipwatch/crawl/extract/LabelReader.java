package ipwatch.crawl.extract;

import static ipwatch.crawl.extract.ProductFields.BRAND;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The last resort for the brand on pages without it in markup: a specification row labelled "Brand" (in the languages
 * of the shops we watch) as a table row, a definition list, a label element followed by its value, or a short
 * "Brand: X" line; else the brand in the page's analytics data layer ({@code "brand":"..."}).
 */
final class LabelReader {
  private static final String LABELS = "brand|brand name|make|make/manufacturer|manufacturer|marke|hersteller|marque"
      + "|fabricant|marca|fabricante|merk|fabrikant|märke|tillverkare|mærke|producent|merkki|valmistaja|marka"
      + "|producent|značka|výrobce|výrobca|znamka|blagovna znamka|proizvajalec|proizvođač|brend|márka|gyártó"
      + "|marchio|produttore|producător|kaubamärk|tootja|zīmols|ražotājs|prekės ženklas|gamintojas|бренд"
      + "|производитель|торговая марка|виробник|марка|品牌|廠牌|厂牌|ブランド|メーカー|브랜드|제조사|מותג|יצרן"
      + "|marka adı|üretici";
  private static final Pattern LABEL = Pattern.compile("(?iu)^(?:" + LABELS + ")\\s*[:：]?$");
  private static final Pattern INLINE = Pattern.compile("(?iu)^(?:" + LABELS + ")\\s*[:：]\\s*(.{1,60})$");
  private static final Pattern DATA_LAYER = Pattern.compile("\"brand\"\\s*:\\s*\"([^\"]{1,80})\"");
  private static final String CANDIDATES = "th, td, dt, span, strong, b, label, p, li, div, h4, h5";

  private LabelReader() {}

  static void read(Document doc, ProductFields f) {
    if (f.has(BRAND)) {
      return;
    }
    for (Element e : doc.body() == null ? doc.select(CANDIDATES) : doc.body().select(CANDIDATES)) {
      if (e.childrenSize() > 3) {
        continue;
      }
      String text = e.text().replace('\u00a0', ' ').trim();
      if (text.length() > 80) {
        continue;
      }
      if (LABEL.matcher(text).matches()) {
        Element value = valueFor(e);
        if (value != null && value.text().length() <= 60) {
          f.offer(BRAND, value.text());
          return;
        }
      }
      Matcher inline = INLINE.matcher(text);
      if (inline.matches() && e.childrenSize() >= 1) {
        f.offer(BRAND, inline.group(1));
        return;
      }
    }
    for (Element script : doc.select("script:not([src])")) {
      Matcher m = DATA_LAYER.matcher(script.data());
      if (m.find() && !m.group(1).isBlank()) {
        f.offer(BRAND, org.jsoup.parser.Parser.unescapeEntities(m.group(1), false));
        return;
      }
    }
  }

  /** The cell next to the label's cell, or the element right after the label inside the same cell. */
  private static Element valueFor(Element label) {
    Element next = label.nextElementSibling();
    if (next != null && !next.text().isBlank()) {
      return next;
    }
    Element cell = label.closest("td, th, dt");
    Element nextCell = cell == null ? null : cell.nextElementSibling();
    return nextCell != null && !nextCell.text().isBlank() ? nextCell : null;
  }
}
