package ipwatch.crawl.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the readers found on one page, merged field by field: the first reader to fill a field wins, so the order of
 * readers (JSON-LD, microdata, meta tags, CSS rules) is the order of trust.
 */
public final class ProductFields {
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String BRAND = "brand";
  public static final String CATEGORY = "category";
  public static final String PRICE = "price";
  public static final String CURRENCY = "currency";
  public static final String SKU = "sku";
  public static final String GTIN = "gtin";
  public static final String MPN = "mpn";
  public static final String AVAILABILITY = "availability";
  public static final String IMAGE = "image";
  public static final String SELLER_NAME = "seller.name";
  public static final String SELLER_URL = "seller.url";
  public static final String SELLER_ID = "seller.id";
  /** Seller identifiers use the prefix plus the identifier kind: seller.email, seller.phone, seller.address, ... */
  public static final String SELLER_PREFIX = "seller.";

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> images = new LinkedHashSet<>();
  private final List<String> evidence = new ArrayList<>();

  /** Sets the field unless an earlier reader already did; blank values are ignored. */
  public void offer(String field, String value) {
    if (value == null) {
      return;
    }
    String v = value.replaceAll("\\s+", " ").trim();
    if (v.isEmpty()) {
      return;
    }
    if (IMAGE.equals(field)) {
      images.add(v);
    } else {
      values.putIfAbsent(field, v);
    }
  }

  public String get(String field) {
    return values.get(field);
  }

  public boolean has(String field) {
    return values.containsKey(field);
  }

  public List<String> images() {
    return List.copyOf(images);
  }

  /** Records that a reader saw product markup (e.g. "json-ld", "microdata"); a page without any is a hub. */
  public void markProduct(String source) {
    if (!evidence.contains(source)) {
      evidence.add(source);
    }
  }

  public List<String> productEvidence() {
    return List.copyOf(evidence);
  }

  /** Seller identifiers found so far (email, phone, ...), keyed without the "seller." prefix. */
  public Map<String, String> sellerIdentifiers() {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(SELLER_PREFIX) && !k.equals(SELLER_NAME) && !k.equals(SELLER_URL) && !k.equals(SELLER_ID)) {
        out.put(k.substring(SELLER_PREFIX.length()), v);
      }
    });
    return out;
  }
}
