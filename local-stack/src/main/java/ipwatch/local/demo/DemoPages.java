package ipwatch.local.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ipwatch.model.Json;
import java.util.List;

/** The demo shop's HTML: plain pages with a little inline CSS and no external resources. */
final class DemoPages {
  static final int PAGE_SIZE = 20;
  private static final String CSS = "body{font-family:system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222}"
      + "header{background:#2d3e50;color:#fff;padding:12px 24px}header a{color:#fff;margin-right:16px}"
      + "main{max-width:960px;margin:24px auto;background:#fff;padding:24px;border-radius:6px}"
      + ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px}"
      + ".card{border:1px solid #ddd;padding:10px;border-radius:4px}.price{font-size:1.4em;color:#b12704}"
      + ".seller{color:#555}img{background:#e8e8e8}";

  private DemoPages() {}

  static String home(DemoCatalogue c) {
    StringBuilder b = new StringBuilder("<h1>Welcome to Demo Market</h1><p>Browse our categories:</p><ul>");
    c.categories().forEach(cat -> b.append("<li><a href=\"/c/").append(cat).append("\">").append(cat)
        .append("</a></li>"));
    b.append("<li><a href=\"/real/\">Imported listings</a></li></ul><p><a href=\"/admin/\">Staff login</a></p>");
    return layout("Demo Market", b.toString(), c);
  }

  static String category(DemoCatalogue c, String category, int page) {
    List<DemoProduct> all = c.products().stream().filter(p -> p.category().equals(category)).toList();
    StringBuilder b = new StringBuilder("<h1>").append(esc(category)).append("</h1><div class=\"grid\">");
    all.stream().skip((long) page * PAGE_SIZE).limit(PAGE_SIZE).forEach(p -> b.append("<div class=\"card\"><a href=\"")
        .append(p.path()).append("\">").append(esc(p.title())).append("</a><div class=\"price\">$")
        .append(p.price()).append("</div></div>"));
    b.append("</div>");
    if ((page + 1) * PAGE_SIZE < all.size()) {
      b.append("<p><a href=\"/c/").append(category).append("?page=").append(page + 1).append("\">Next page</a></p>");
    }
    return layout(category + " - Demo Market", b.toString(), c);
  }

  static String realIndex(DemoCatalogue c) {
    StringBuilder b = new StringBuilder("<h1>Imported listings</h1><p>Pages captured from other shops "
        + "(product-extraction benchmark, MIT licence).</p><ul>");
    c.realPages().forEach(r -> b.append("<li><a href=\"").append(r.path()).append("\">").append(r.hash(), 0, 12)
        .append("</a></li>"));
    return layout("Imported listings - Demo Market", b.append("</ul>").toString(), c);
  }

  static String product(DemoCatalogue c, DemoProduct p, String baseUrl) {
    String body = "<h1>" + esc(p.title()) + "</h1>"
        + "<svg width=\"240\" height=\"240\"><rect width=\"240\" height=\"240\" fill=\"#ddd\"/>"
        + "<text x=\"20\" y=\"125\">" + esc(p.brand()) + "</text></svg>"
        + "<p class=\"price\">$" + p.price() + "</p>"
        + "<p>Brand: <b>" + esc(p.brand()) + "</b> &middot; SKU " + p.sku() + " &middot; EAN " + p.gtin13() + "</p>"
        + "<p>" + esc(p.description()) + "</p>"
        + "<p class=\"seller\">Sold by <a class=\"seller-name\" href=\"/seller/" + p.seller().handle() + "\">"
        + esc(p.seller().name()) + "</a></p>"
        + "<script type=\"application/ld+json\">" + jsonLd(p, baseUrl) + "</script>";
    return layout(p.title() + " - Demo Market", body, c);
  }

  static String seller(DemoCatalogue c, DemoSeller s) {
    StringBuilder b = new StringBuilder("<h1>").append(esc(s.name())).append("</h1><p>Contact: ")
        .append(esc(s.email())).append(" &middot; ").append(esc(s.phone())).append("</p><ul>");
    c.products().stream().filter(p -> p.seller().handle().equals(s.handle())).forEach(p -> b.append(
        "<li><a href=\"").append(p.path()).append("\">").append(esc(p.title())).append("</a></li>"));
    return layout(s.name() + " - Demo Market", b.append("</ul>").toString(), c);
  }

  static String jsonLd(DemoProduct p, String baseUrl) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("@context", "https://schema.org").put("@type", "Product").put("name", p.title())
        .put("description", p.description()).put("sku", p.sku()).put("gtin13", p.gtin13())
        .put("category", p.category()).put("image", baseUrl + "/img/" + p.sku() + ".svg");
    n.putObject("brand").put("@type", "Brand").put("name", p.brand());
    ObjectNode offer = n.putObject("offers").put("@type", "Offer").put("price", p.price())
        .put("priceCurrency", p.currency()).put("availability", "https://schema.org/InStock")
        .put("url", baseUrl + p.path());
    offer.putObject("seller").put("@type", "Organization").put("name", p.seller().name())
        .put("url", baseUrl + "/seller/" + p.seller().handle()).put("identifier", p.seller().handle())
        .put("email", p.seller().email()).put("telephone", p.seller().phone());
    return Json.write(n).replace("</", "<\\/");
  }

  static String image(String label) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"240\"><rect width=\"240\" height=\"240\""
        + " fill=\"#ddd\"/><text x=\"20\" y=\"125\">" + esc(label) + "</text></svg>";
  }

  static String notFound(DemoCatalogue c) {
    return layout("Not found - Demo Market", "<h1>Not found</h1><p><a href=\"/\">Back to the shop</a></p>", c);
  }

  private static String layout(String title, String body, DemoCatalogue c) {
    StringBuilder nav = new StringBuilder("<a href=\"/\">Demo Market</a>");
    c.categories().forEach(cat -> nav.append("<a href=\"/c/").append(cat).append("\">").append(cat).append("</a>"));
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
        + CSS + "</style></head><body><header>" + nav + "</header><main>" + body + "</main></body></html>";
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
