package ipwatch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault drill 6 (issue 9): `ipwatch crawl` killed with SIGKILL mid-crawl, in its own process, and run again on the same
 * state directory. Every product page ends up as a listing in one of the two outputs (nothing lost), and the restart
 * re-downloads only what the crash window (the state log is flushed once a second) forgot: no refetch storm.
 */
class CrawlerKilledIT {
  private static final int PRODUCTS = 150;
  private static final int KILL_AFTER = 60;

  @TempDir Path dir;

  @Test
  void aCrawlerKilledMidCrawlLosesNoListingAndRefetchesOnlyItsLastSecond() throws Exception {
    Map<String, Integer> downloads = new ConcurrentHashMap<>();
    AtomicInteger productDownloads = new AtomicInteger();
    try (LoopbackSite site = new LoopbackSite()) {
      StringBuilder home = new StringBuilder();
      for (int i = 1; i <= PRODUCTS; i++) {
        String path = "/p/" + i;
        home.append("<a href=").append(path).append(">").append(i).append("</a>");
        String html = LoopbackSite.product("Item " + i, i + ".00");
        site.route(path, (ex, n) -> {
          downloads.merge(path, 1, Integer::sum);
          productDownloads.incrementAndGet();
          CrawlerRestartTest.conditional(ex, html);
        });
      }
      site.route("/", (ex, n) -> CrawlerRestartTest.conditional(ex, home.toString()));
      Path seeds = Files.writeString(dir.resolve("seeds.txt"), site.url("/") + "\n");

      Process first = crawl(seeds, dir.resolve("first.jsonl"));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (productDownloads.get() < KILL_AFTER) {
        assertTrue(first.isAlive(), "the crawler ended before it could be killed");
        assertTrue(System.nanoTime() < deadline, "the crawl did not get going");
        Thread.sleep(20);
      }
      first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
      int beforeKill = productDownloads.get();

      Process second = crawl(seeds, dir.resolve("second.jsonl"));
      assertTrue(second.waitFor(3, TimeUnit.MINUTES), "the restarted crawl finished");
      assertEquals(0, second.exitValue(), "the restarted crawl succeeded");

      Set<String> listed = new HashSet<>(urls(dir.resolve("first.jsonl")));
      List<String> again = urls(dir.resolve("second.jsonl"));
      listed.addAll(again);
      Set<String> expected = new HashSet<>();
      for (int i = 1; i <= PRODUCTS; i++) {
        expected.add(site.url("/p/" + i).toString());
      }
      int refetched = (int) downloads.values().stream().filter(n -> n > 1).count();
      System.out.printf("[drill 6] crawler killed after %d of %d product pages; the restart downloaded %d pages, "
          + "%d of them again; %d listings in the second output%n", beforeKill, PRODUCTS,
          productDownloads.get() - beforeKill, refetched, again.size());
      assertEquals(expected, listed, "every product page became a listing in one run or the other");
      assertTrue(refetched <= 30, "only the crash window is fetched again, not a storm: " + refetched);
    }
  }

  private Process crawl(Path seeds, Path out) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CrawlCommand.class.getName(), "crawl",
        "--seeds", seeds.toString(), "--out", out.toString(), "--config", "../config/crawler.yaml"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(out.getFileName() + ".log").toFile());
    pb.environment().putAll(Map.of(
        "IPWATCH_STATE_DIR", dir.resolve("state").toString(),
        "IPWATCH_EVIDENCE_DIR", dir.resolve("evidence").toString(),
        "IPWATCH_MARKETPLACES_DIR", "../config/marketplaces",
        "IPWATCH_DISCOVERY_SITEMAPS", "false",
        "IPWATCH_PROGRESS_INTERVAL", "0s",
        "IPWATCH_IMAGES_MAX_PER_LISTING", "0",
        "IPWATCH_POLITENESS_MIN_DELAY", "100ms"));
    return pb.start();
  }

  private static List<String> urls(Path jsonl) throws Exception {
    List<String> out = new ArrayList<>();
    if (!Files.exists(jsonl)) {
      return out;
    }
    for (String line : Files.readAllLines(jsonl)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = Json.mapper().readTree(line); // a torn last line would fail here: writes must be whole lines
      out.add(n.get("url").asText());
    }
    return out;
  }
}
