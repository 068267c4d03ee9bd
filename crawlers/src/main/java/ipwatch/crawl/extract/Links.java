package ipwatch.crawl.extract;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Outgoing links a polite crawler may follow: not rel=nofollow, and none at all under a meta robots nofollow. */
public final class Links {
  private Links() {}

  public static Set<String> followable(Document doc) {
    Set<String> out = new LinkedHashSet<>();
    for (Element meta : doc.select("meta[name=robots]")) {
      String c = meta.attr("content").toLowerCase(java.util.Locale.ROOT);
      if (c.contains("nofollow") || c.contains("none")) {
        return out;
      }
    }
    for (Element a : doc.select("a[href]")) {
      if (!a.attr("rel").toLowerCase(java.util.Locale.ROOT).contains("nofollow")) {
        String abs = a.absUrl("href");
        if (!abs.isEmpty()) {
          out.add(abs);
        }
      }
    }
    return out;
  }
}
