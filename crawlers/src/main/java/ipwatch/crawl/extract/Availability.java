package ipwatch.crawl.extract;

import java.util.Locale;

/** schema.org ItemAvailability names from whatever a page says ("http://schema.org/InStock", "in_stock", "Sold out"). */
public final class Availability {
  public static final String IN_STOCK = "InStock";
  public static final String OUT_OF_STOCK = "OutOfStock";

  private Availability() {}

  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (s.contains("outofstock") || s.contains("soldout") || s.contains("discontinued") || s.contains("unavailable")
        || s.contains("outofstock") || s.equals("oos") || s.contains("notavailable")) {
      return OUT_OF_STOCK;
    }
    if (s.contains("preorder") || s.contains("presale")) {
      return "PreOrder";
    }
    if (s.contains("instock") || s.contains("limitedavailability") || s.contains("onlineonly")
        || s.contains("instoreonly") || s.contains("backorder") || s.equals("available") || s.equals("true")) {
      return IN_STOCK;
    }
    return null;
  }
}
