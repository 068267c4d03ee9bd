package ipwatch.crawl.extract;

import static ipwatch.crawl.extract.ProductFields.BRAND;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The last resort for the brand on pages without markup: a specification table row labelled "Brand" (in the languages
 * of the shops we watch), or the brand in the page's analytics data layer ({@code "brand":"..."}).
 */
final class LabelReader {
  private static final Pattern LABEL = Pattern.compile(
      "(?i)^(brand|brand name|marke|marque|marca|merk|märke|marka|značka|znamka|proizvajalec|výrobce|výrobca|"
          + "бренд|производитель|manufacturer|hersteller|fabricant|fabricante|produttore)\\s*[:：]?$");
  private static final Pattern DATA_LAYER = Pattern.compile("\"brand\"\\s*:\\s*\"([^\"]{1,80})\"");

  private LabelReader() {}

  static void read(Document doc, ProductFields f) {
    if (f.has(BRAND)) {
      return;
    }
    for (Element label : doc.select("th, td, dt, span, strong, b, label, li > span, div")) {
      if (label.childrenSize() > 1 || !LABEL.matcher(label.text().replace('\u00a0', ' ').trim()).matches()) {
        continue;
      }
      Element value = valueFor(label);
      if (value != null && value.text().length() <= 60) {
        f.offer(BRAND, value.text());
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
