package ipwatch.crawl.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.crawl.url.UrlCanonicalizer;
import ipwatch.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Extraction measured on the 100 real product pages of the product-extraction benchmark (MIT, see
 * src/test/resources/product-pages/LICENSE) against its ground-truth.json, per field, on the pages where the ground
 * truth has that field. The marketplace CSS rules come from the real config/marketplaces directory.
 */
class ExtractionAccuracyTest {
  private static final Path PAGES = Path.of("src/test/resources/product-pages");
  /**
   * Issue 3's bars, on pages where the ground truth has the field. Most pages carry JSON-LD or microdata; the rest are
   * read by the general fallbacks (price block after the title, "Brand:" labels, offers of non-Product things) and the
   * amazon rules, not by rules for these pages: the same extractor meets pages this test never sees.
   */
  private static final Map<String, Double> REQUIRED = Map.of("brand", 0.90, "price", 0.90, "currency", 0.90);

  @Test
  void extractionMeetsTheAccuracyBarOnRealProductPages() throws IOException {
    JsonNode truth = Json.mapper().readTree(PAGES.resolve("ground-truth.json").toFile());
    ListingExtractor extractor = new ListingExtractor(Marketplaces.load(Path.of("../config/marketplaces")));
    Map<String, int[]> score = new LinkedHashMap<>();
    List<String> misses = new ArrayList<>();
    for (var it = truth.fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode gt = e.getValue();
      var url = UrlCanonicalizer.canonicalize(gt.get("url").asText()).orElseThrow();
      Optional<ExtractedPage> page = extractor.extract(url, html(e.getKey(), url));
      check("brand", gt, page.map(ExtractedPage::brand), ExtractionAccuracyTest::sameBrand, score, misses, url);
      Optional<String> currency = page.map(ExtractedPage::price).map(m -> m.currency());
      check("price", gt, page.map(ExtractedPage::price).map(m -> m.amount()),
          (ours, g) -> samePrice(ours, g, currency.orElse(null)), score, misses, url);
      check("currency", gt, currency, ExtractionAccuracyTest::sameCurrency, score, misses, url);
      check("sku", gt, page.map(ExtractedPage::sku), ExtractionAccuracyTest::sameText, score, misses, url);
      check("gtin", gt, page.map(ExtractedPage::gtin), ExtractionAccuracyTest::sameGtin, score, misses, url);
      check("availability", gt, page.map(ExtractedPage::availability), String::equals, score, misses, url);
    }
    misses.forEach(m -> System.out.println("  miss " + m));
    System.out.println(table(score));
    for (var r : REQUIRED.entrySet()) {
      int[] s = score.get(r.getKey());
      double acc = (double) s[0] / s[1];
      assertTrue(acc >= r.getValue(), r.getKey() + " accuracy " + acc + " is below " + r.getValue());
    }
  }

  private static void check(String field, JsonNode gt, Optional<String> ours, BiPredicate<String, String> same,
      Map<String, int[]> score, List<String> misses, Object url) {
    JsonNode expected = gt.get(field);
    if (expected == null || expected.isEmpty()) {
      return;
    }
    int[] s = score.computeIfAbsent(field, k -> new int[2]);
    s[1]++;
    boolean ok = false;
    for (JsonNode x : expected) {
      ok |= ours.isPresent() && same.test(ours.get(), x.asText());
    }
    if (ok) {
      s[0]++;
    } else {
      misses.add(field + " expected " + expected + " got " + ours.orElse(null) + " at " + url);
    }
  }

  static String table(Map<String, int[]> score) {
    StringBuilder t = new StringBuilder("\nfield         correct / pages  accuracy\n");
    score.forEach((f, s) -> t.append(String.format(Locale.ROOT, "%-13s %7d / %-5d  %.2f%n", f, s[0], s[1],
        (double) s[0] / s[1])));
    return t.toString();
  }

  private static boolean sameText(String ours, String gt) {
    return norm(ours).equals(norm(gt));
  }

  /**
   * Brands are compared as names, not spellings: case, spaces and punctuation aside ("TP Link" is "TP-Link", "De’Longhi"
   * is "DeLonghi"), as the matching library compares marks.
   */
  private static boolean sameBrand(String ours, String gt) {
    return letters(ours).equals(letters(gt));
  }

  private static String letters(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  private static String norm(String s) {
    return s.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
  }

  private static boolean sameGtin(String ours, String gt) {
    return ours.replaceAll("^0+", "").equals(gt.trim().replaceAll("^0+", ""));
  }

  /**
   * The ground truth keeps the page's spelling ("2.449" on an Argentine shop is 2449), so it is read like a page. Its
   * Chilean prices went through a float on the way ("$24.990" became "24.99", "$5.000" became "5"): in a currency
   * without minor units that groups with dots, the ground truth's number is thousands.
   */
  private static boolean samePrice(String ours, String gt, String currency) {
    BigDecimal o = new BigDecimal(ours);
    if (Currencies.zeroDecimals(currency) && Currencies.groupsWithDot(currency) && gt.trim().matches("\\d{1,3}(\\.\\d{1,2})?")
        && new BigDecimal(gt.trim()).movePointRight(3).compareTo(o) == 0) {
      return true;
    }
    Optional<String> read = PriceParser.amount(gt.trim(), currency);
    if (read.isPresent() && new BigDecimal(read.get()).compareTo(o) == 0) {
      return true;
    }
    try {
      return new BigDecimal(gt.trim().replace(",", "")).compareTo(o) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Ground truth mostly has symbols; "$" is right for any dollar or peso. */
  private static boolean sameCurrency(String ours, String gt) {
    if (gt.trim().equals("$")) {
      return Currencies.isDollarLike(ours);
    }
    return ours.equals(Currencies.toIso(gt.trim())) || ours.equals(Currencies.toIso(gt.replace(".", "").trim()));
  }

  /** Decoded as the crawler decodes: the page's own charset declaration, else UTF-8. */
  private static org.jsoup.nodes.Document html(String key, java.net.URI url) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(PAGES.resolve("html").resolve(key + ".html.gz")))) {
      return org.jsoup.Jsoup.parse(in, null, url.toString());
    }
  }
}
