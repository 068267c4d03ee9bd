package ipwatch.crawl.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One field's rule from config/marketplaces/*.yaml: a CSS selector, optionally the attribute to read (default: the
 * text, or content/src/href for meta/img/link) and a regex whose first group is the value; {@code orElse} is tried
 * when this rule finds nothing (a YAML list of rules is such a chain, in the order written).
 */
public record CssRule(String css, String attr, Pattern pattern, CssRule orElse) {

  public CssRule(String css, String attr, Pattern pattern) {
    this(css, attr, pattern, null);
  }

  /** This rule, then the given one when this finds nothing. */
  public CssRule then(CssRule next) {
    return new CssRule(css, attr, pattern, orElse == null ? next : orElse.then(next));
  }

  public String apply(Document doc) {
    String v = applyOwn(doc);
    return v == null && orElse != null ? orElse.apply(doc) : v;
  }

  private String applyOwn(Document doc) {
    for (Element e : doc.select(css)) {
      String raw = attr == null ? defaultValue(e)
          : attr.equals("text") ? e.text()
          : attr.equals("href") || attr.equals("src") ? e.absUrl(attr) : e.attr(attr);
      String v = raw == null ? null : raw.replaceAll("[\\s\\u00a0]+", " ").trim();
      if (v != null && pattern != null) {
        Matcher m = pattern.matcher(v);
        v = m.find() ? firstGroup(m) : null;
      }
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }

  /** What a rule without attr reads: content of meta, src of images, href of link elements, else the text. */
  private static String defaultValue(Element e) {
    return switch (e.normalName()) {
      case "meta" -> e.attr("content");
      case "img" -> e.absUrl("src");
      case "link" -> e.absUrl("href");
      default -> e.hasAttr("content") ? e.attr("content") : e.text();
    };
  }

  /** The first group that matched (alternatives may each have one), or the whole match without groups. */
  private static String firstGroup(Matcher m) {
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    return m.group();
  }
}
