package ipwatch.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The 100 real product pages of the product-extraction benchmark (MIT, Zyte; resources demo/product-pages/LICENSE),
 * served as they were captured so the demo crawl meets real-world markup too.
 */
final class RealProductPages {
  private static final String ROOT = "demo/product-pages/";

  record RealPage(String hash, String brand) {
    String path() {
      return "/real/" + hash;
    }

    DemoItem item() {
      return new DemoItem(path(), null, brand, null, null, null, DemoItem.Group.REAL_PAGE);
    }

    byte[] html() {
      try (InputStream in = resource("html/" + hash + ".html.gz"); InputStream gz = new GZIPInputStream(in)) {
        return gz.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private RealProductPages() {}

  static List<RealPage> load() {
    try (InputStream in = resource("ground-truth.json")) {
      JsonNode truth = Json.mapper().readTree(in);
      List<RealPage> pages = new ArrayList<>();
      truth.fields().forEachRemaining(e -> {
        JsonNode brand = e.getValue().path("brand");
        pages.add(new RealPage(e.getKey(), brand.isArray() && !brand.isEmpty() ? brand.get(0).asText() : null));
      });
      pages.sort((a, b) -> a.hash().compareTo(b.hash()));
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = RealProductPages.class.getClassLoader().getResourceAsStream(ROOT + name);
    if (in == null) {
      throw new IllegalStateException("demo resource missing from the class path: " + ROOT + name);
    }
    return in;
  }
}
