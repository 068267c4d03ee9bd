package ipwatch.crawl.extract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Property-based robustness of the extractor (issue 9, "fuzz the HTML extractor"): thousands of seeded, damaged
 * versions of the 100 real product pages and a set of hostile extremes. Whatever the page, the extractor returns a
 * publishable listing or nothing: no exception, no hang (the generous per-page bound only catches a hang; speed lives
 * in `./ipwatch bench extract`). The coverage-guided counterpart is {@link ListingExtractorFuzzTest}.
 */
class ListingExtractorRobustnessTest {
  private static final Path PAGES = Path.of("src/test/resources/product-pages/html");
  private static final Duration HANG = Duration.ofSeconds(20);
  private static final int VARIANTS_PER_PAGE = 6;
  private final ListingExtractor extractor = new ListingExtractor(Marketplaces.load(Path.of("../config/marketplaces")));

  @Test
  void damagedRealPagesGiveAPublishableListingOrNothing() throws IOException {
    List<String> pages = realPages();
    assertEquals(100, pages.size(), "the 100 real product pages are present");
    HostileHtml hostile = new HostileHtml(20261121L);
    URI[] urls = {URI.create("https://www.amazon.com/dp/B000TEST"), URI.create("https://shop.example/p/1"),
        URI.create("https://detail.tmall.com/item.htm?id=1")};
    int extracted = 0;
    int checked = 0;
    for (String page : pages) {
      for (String variant : hostile.variants(page, VARIANTS_PER_PAGE)) {
        URI url = urls[checked % urls.length];
        var result = assertTimeoutPreemptively(HANG, () -> extractor.extract(url, variant));
        ExtractionInvariants.check(url, result);
        extracted += result.isPresent() ? 1 : 0;
        checked++;
      }
    }
    assertEquals(100 * VARIANTS_PER_PAGE, checked);
    assertTrue(extracted > checked / 2, "most damaged product pages still yield a listing: " + extracted + "/" + checked);
  }

  @Test
  void hostileExtremesNeitherThrowNorHang() {
    URI url = URI.create("https://shop.example/p/1");
    for (String page : HostileHtml.extremes()) {
      var result = assertTimeoutPreemptively(HANG, () -> assertDoesNotThrow(() -> extractor.extract(url, page)),
          "a page of " + page.length() + " chars starting " + page.substring(0, Math.min(40, page.length())));
      ExtractionInvariants.check(url, result);
    }
  }

  private static List<String> realPages() throws IOException {
    try (Stream<Path> files = Files.list(PAGES)) {
      return files.filter(f -> f.toString().endsWith(".html.gz")).sorted().map(ListingExtractorRobustnessTest::read)
          .toList();
    }
  }

  private static String read(Path gz) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
