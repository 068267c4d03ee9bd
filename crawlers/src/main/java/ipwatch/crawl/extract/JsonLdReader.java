package ipwatch.crawl.extract;

import static ipwatch.crawl.extract.ProductFields.*;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** schema.org Product in JSON-LD, the most reliable source when present (also inside @graph and mainEntity). */
final class JsonLdReader {
  /** Digits before or after the point beyond which a JSON number is not a plausible value of any field we read. */
  static final int MAX_NUMBER_DIGITS = 30;

  private static final Set<String> PRODUCT_TYPES =
      Set.of("product", "productgroup", "individualproduct", "productmodel", "someproducts", "vehicle", "car", "book");
  private static final JsonMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_TRAILING_COMMA,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
      .build();

  private JsonLdReader() {}

  static void read(Document doc, ProductFields f) {
    List<JsonNode> products = new ArrayList<>();
    List<JsonNode> offered = new ArrayList<>();
    for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
      parse(script.data()).ifPresent(root -> collectProducts(root, products, offered, 0));
    }
    // A page may describe related products too; the one with an offer is the one on sale here.
    products.sort((a, b) -> Boolean.compare(!a.has("offers"), !b.has("offers")));
    // Things sold without a Product type (an Event's tickets, a Service) are listings too, trusted after products.
    products.addAll(offered);
    for (JsonNode p : products) {
      f.markProduct("json-ld");
      fill(p, f);
    }
  }

  private static java.util.Optional<JsonNode> parse(String data) {
    String s = data.trim().replaceAll("^(<!--|//\\s*<!\\[CDATA\\[)", "").replaceAll("(-->|//\\s*]]>)$", "").trim();
    try (JsonParser p = LENIENT.createParser(s)) {
      return java.util.Optional.ofNullable(LENIENT.readTree(p));
    } catch (Exception e) {
      return java.util.Optional.empty(); // broken markup on a real site is data, not a crash
    }
  }

  private static void collectProducts(JsonNode n, List<JsonNode> out, List<JsonNode> offered, int depth) {
    if (n == null || depth > 8) {
      return;
    }
    if (n.isArray()) {
      n.forEach(e -> collectProducts(e, out, offered, depth + 1));
      return;
    }
    if (!n.isObject()) {
      return;
    }
    if (isProduct(n)) {
      out.add(n);
      return;
    }
    if (hasPricedOffer(n.get("offers"))) {
      offered.add(n);
    }
    for (String key : List.of("@graph", "mainEntity", "mainEntityOfPage", "itemOffered", "about")) {
      collectProducts(n.get(key), out, offered, depth + 1);
    }
  }

  private static boolean hasPricedOffer(JsonNode offers) {
    JsonNode o = first(offers);
    return o != null && o.isObject() && (o.hasNonNull("price") || o.hasNonNull("lowPrice")
        || o.has("priceSpecification"));
  }

  static boolean isProduct(JsonNode n) {
    JsonNode type = n.get("@type");
    if (type == null) {
      return false;
    }
    List<String> types = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else {
      types.add(type.asText());
    }
    return types.stream().map(t -> t.replaceAll(".*[/:]", "").toLowerCase(java.util.Locale.ROOT))
        .anyMatch(PRODUCT_TYPES::contains);
  }

  private static void fill(JsonNode p, ProductFields f) {
    f.offer(TITLE, text(p.get("name")));
    f.offer(DESCRIPTION, text(p.get("description")));
    f.offer(BRAND, text(p.get("brand")));
    f.offer(BRAND, text(p.get("manufacturer")));
    f.offer(CATEGORY, text(p.get("category")));
    f.offer(SKU, text(p.get("sku")));
    f.offer(MPN, text(p.get("mpn")));
    for (String g : List.of("gtin13", "gtin", "gtin12", "gtin14", "gtin8", "isbn")) {
      f.offer(GTIN, text(p.get(g)));
    }
    images(p.get("image"), f);
    JsonNode offers = p.get("offers");
    if (offers == null && p.has("hasVariant")) {
      JsonNode v = first(p.get("hasVariant"));
      offers = v == null ? null : v.get("offers");
      if (v != null) {
        f.offer(SKU, text(v.get("sku")));
      }
    }
    f.offer(AVAILABILITY, anyInStock(offers));
    offers(offers, f, 0);
  }

  /** One offer per size or seller: the product is available when any of them is. */
  private static String anyInStock(JsonNode offers) {
    if (offers == null || !offers.isArray()) {
      return null;
    }
    for (JsonNode o : offers) {
      if (Availability.IN_STOCK.equals(Availability.normalize(text(o.get("availability"))))) {
        return Availability.IN_STOCK;
      }
    }
    return null;
  }

  private static void offers(JsonNode o, ProductFields f, int depth) {
    if (o == null || depth > 3) {
      return;
    }
    if (o.isArray()) {
      o.forEach(e -> offers(e, f, depth + 1));
      return;
    }
    JsonNode spec = first(o.get("priceSpecification"));
    f.offer(CURRENCY, text(o.get("priceCurrency")));
    f.offer(PRICE, text(o.get("price")));
    f.offer(PRICE, text(o.get("lowPrice")));
    if (spec != null) {
      f.offer(CURRENCY, text(spec.get("priceCurrency")));
      f.offer(PRICE, text(spec.get("price")));
    }
    f.offer(AVAILABILITY, Availability.normalize(text(o.get("availability"))));
    f.offer(SKU, text(o.get("sku")));
    f.offer(GTIN, text(o.get("gtin13")));
    seller(o.get("seller"), f);
    offers(o.get("offers"), f, depth + 1);
  }

  private static void seller(JsonNode s, ProductFields f) {
    s = first(s);
    if (s == null) {
      return;
    }
    if (!s.isObject()) {
      f.offer(SELLER_NAME, text(s));
      return;
    }
    f.offer(SELLER_NAME, text(s.get("name")));
    f.offer(SELLER_URL, text(s.get("url")));
    f.offer(SELLER_ID, text(s.get("identifier")));
    f.offer(SELLER_PREFIX + "email", text(s.get("email")));
    f.offer(SELLER_PREFIX + "phone", text(s.get("telephone")));
    f.offer(SELLER_PREFIX + "businessLicense", text(s.get("taxID")));
    f.offer(SELLER_PREFIX + "vatId", text(s.get("vatID")));
    JsonNode address = s.get("address");
    if (address != null) {
      f.offer(SELLER_PREFIX + "address", address.isObject()
          ? String.join(", ", textsOf(address, "streetAddress", "postalCode", "addressLocality", "addressCountry"))
          : text(address));
    }
  }

  private static List<String> textsOf(JsonNode n, String... keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      String t = text(n.get(k));
      if (t != null && !t.isBlank()) {
        out.add(t);
      }
    }
    return out;
  }

  private static void images(JsonNode img, ProductFields f) {
    if (img == null) {
      return;
    }
    if (img.isArray()) {
      img.forEach(i -> images(i, f));
    } else if (img.isObject()) {
      f.offer(IMAGE, text(img.has("contentUrl") ? img.get("contentUrl") : img.get("url")));
    } else {
      f.offer(IMAGE, img.asText());
    }
  }

  private static JsonNode first(JsonNode n) {
    return n != null && n.isArray() ? (n.isEmpty() ? null : n.get(0)) : n;
  }

  /** A value as text: strings and numbers as written, objects by name (or @value / @id), arrays by first element. */
  static String text(JsonNode n) {
    n = first(n);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isObject()) {
      for (String k : List.of("name", "@value", "value")) {
        if (n.has(k) && !n.get(k).isContainerNode()) {
          return n.get(k).asText();
        }
      }
      return null;
    }
    if (n.isBigDecimal()) {
      java.math.BigDecimal d = n.decimalValue();
      // 1e999999 is valid JSON; written out it is a million digits that no price, GTIN or count ever has
      return d.precision() - d.scale() > MAX_NUMBER_DIGITS || d.scale() > MAX_NUMBER_DIGITS ? null : d.toPlainString();
    }
    return org.jsoup.parser.Parser.unescapeEntities(n.asText(), false);
  }
}
