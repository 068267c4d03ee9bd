package ipwatch.crawl.extract;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the extractor with Jazzer. In a normal build this replays the saved inputs under
 * src/test/resources/ipwatch/crawl/extract/ListingExtractorFuzzTestInputs (regression mode); `./ipwatch fuzz extract`
 * fuzzes for real (JAZZER_FUZZ=1, five minutes) and saves any crashing input there, so it becomes a regression test.
 */
class ListingExtractorFuzzTest {
  private static final URI[] URLS = {URI.create("https://www.amazon.com/dp/B000TEST"),
      URI.create("https://shop.example/p/1"), URI.create("https://detail.tmall.com/item.htm?id=1")};
  private static final ListingExtractor EXTRACTOR =
      new ListingExtractor(Marketplaces.load(Path.of("../config/marketplaces")));

  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({"<script type=\"application/ld+json\">", "</script>", "\"@type\":\"Product\"", "\"@graph\":[",
      "\"offers\":{", "\"price\":", "\"priceCurrency\":\"", "\"brand\":{\"name\":\"", "\"seller\":{",
      " itemscope itemtype=\"http://schema.org/Product\"", " itemprop=\"", "<meta property=\"og:", "content=\"",
      "product:price:amount", "<h1>", "€", "¥", "$", "1.234,56", "1e999"})
  void anyPageGivesAPublishableListingOrNothing(FuzzedDataProvider data) {
    URI url = URLS[data.consumeInt(0, URLS.length - 1)];
    String html = data.consumeRemainingAsString();
    ExtractionInvariants.check(url, EXTRACTOR.extract(url, html));
  }
}
