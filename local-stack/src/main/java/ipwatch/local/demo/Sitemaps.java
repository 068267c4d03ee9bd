package ipwatch.local.demo;

import java.util.List;

/** sitemaps.org XML for the demo shop. */
final class Sitemaps {
  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  private Sitemaps() {}

  static String index(String base) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"" + NS + "\">"
        + "<sitemap><loc>" + base + "/sitemap-products.xml</loc></sitemap>"
        + "<sitemap><loc>" + base + "/sitemap-real.xml.gz</loc></sitemap></sitemapindex>\n";
  }

  static String urls(String base, List<String> paths) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"" + NS + "\">");
    paths.forEach(p -> b.append("<url><loc>").append(base).append(p).append("</loc></url>"));
    return b.append("</urlset>\n").toString();
  }
}
