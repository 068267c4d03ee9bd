package ipwatch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.model.Json;
import ipwatch.model.Listing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlCommandTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return CrawlCommand.run(args, new PrintStream(out, true), new PrintStream(err, true));
  }

  /** config/crawler.yaml with its relative paths pointed at the repository root and a temporary evidence and state dir. */
  Path configCopy() throws Exception {
    Path config = dir.resolve("crawler.yaml");
    Files.writeString(config, Files.readString(Path.of("../config/crawler.yaml"))
        .replace("dir: config/marketplaces", "dir: ../config/marketplaces")
        .replace("dir: .ipwatch/evidence", "dir: " + dir.resolve("evidence"))
        .replace("dir: .ipwatch/crawler-state", "dir: " + dir.resolve("state")));
    return config;
  }

  @Test
  void badArgumentsExitWithUsageAndCodeTwo() {
    assertEquals(2, run());
    assertEquals(2, run("fly"));
    assertEquals(2, run("crawl", "--out", "x.jsonl"));
    assertEquals(2, run("crawl", "--seeds", "missing.txt", "--out", "x.jsonl", "--max-pages", "-1"));
    assertTrue(err.toString().contains("usage:"));
  }

  @Test
  void extractPrintsOneListingAsJson() throws Exception {
    Path html = dir.resolve("page.html");
    Files.writeString(html, LoopbackSite.product("Widget", "9.99"));
    assertEquals(0, run("extract", "--url", "https://shop.example/p/1", "--html", html.toString(),
        "--config", configCopy().toString()), err.toString());
    Listing l = Json.read(out.toString().trim(), Listing.class);
    assertEquals("Widget", l.title());
    assertEquals("9.99", l.price().amount());
    assertEquals(Listing.idFor("shop.example", "https://shop.example/p/1"), l.listingId());
  }

  @Test
  void crawlWritesListingsAsJsonLines() throws Exception {
    try (LoopbackSite site = new LoopbackSite()) {
      site.html("/", "<a href=/p/1>1</a>");
      site.html("/p/1", LoopbackSite.product("Widget", "9.99"));
      Path seeds = Files.writeString(dir.resolve("seeds.txt"), "# demo\n" + site.url("/") + "\n");
      Path config = configCopy();
      Path listings = dir.resolve("listings.jsonl");
      assertEquals(0, run("crawl", "--seeds", seeds.toString(), "--out", listings.toString(), "--max-pages", "10",
          "--config", config.toString()), err.toString());
      List<String> lines = Files.readAllLines(listings);
      assertEquals(1, lines.size());
      assertEquals("Widget", Json.read(lines.get(0), Listing.class).title());
    }
  }
}
