package ipwatch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ipwatch.crawl.CrawlReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The portal in a real browser against the whole local stack: headless Chromium (Debian's chromium, driven by
 * playwright-core from ui/e2e/portal.e2e.mjs) signs in as the demo parties. A rights holder sees only their cases,
 * cannot open another's by URL and registers a CN mark; a regulator finds one of the new CN counterfeits by search,
 * checks its evidence and sends a notice; the platform reads it and answers with a removal. Screenshots of the main
 * pages land in local-stack/target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private LocalStack stack;
  private DemoRun demo;
  private Path root;

  @BeforeAll
  void startThePlatformAndCrawlTheDemoMarketplace() throws Exception {
    root = LocalStackSettings.findRepoRoot();
    assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed (./ipwatch test installs it)");
    assumeTrue(Files.isDirectory(root.resolve("ui/node_modules/playwright-core")),
        "ui/node_modules is missing: the ui module's build runs npm ci");
    Path data = root.resolve("local-stack/target/portal-e2e-data");
    deleteRecursively(data);
    LocalStackSettings settings = LocalStackSettings.load(root, Map.of()).withDataDir(data).withFreePorts();
    stack = LocalStack.start(settings);
    demo = DemoRun.start(stack, 0);
    CrawlReport crawl = demo.crawl().get(3, TimeUnit.MINUTES);
    assertEquals(0, crawl.errors(), "the demo crawl recorded no errors: " + crawl);
    // The demo's takedown desk answers every notice by itself; here the platform answers in the browser instead.
    demo.platform().close();
  }

  @AfterAll
  void stop() {
    if (demo != null) {
      demo.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void officialsRightsHoldersAndPlatformsWorkTheirCasesInTheBrowser() throws Exception {
    Path screenshots = root.resolve("local-stack/target/screenshots");
    deleteRecursively(screenshots);
    Files.createDirectories(screenshots);
    Path log = root.resolve("local-stack/target/portal-e2e.log");
    Process node = new ProcessBuilder("node", "e2e/portal.e2e.mjs",
        "--base-url", "http://127.0.0.1:" + stack.casework().port(),
        "--out", screenshots.toString())
        .directory(root.resolve("ui").toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    boolean finished = node.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      node.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(finished, "the browser test did not finish in 10 minutes:\n" + output);
    assertEquals(0, node.exitValue(), "the browser test failed:\n" + output);
    assertTrue(output.contains("PORTAL E2E PASSED"), output);
    for (String expected : List.of("the rights holder's queue lists only own cases",
        "opening another rights holder's case by URL shows \"not found\"",
        "the evidence hash chain verifies in the browser",
        "the official sends the notice and the case shows NOTICE SENT",
        "the platform answers with a removal and the case shows REMOVED",
        "the server agrees: the case is REMOVED")) {
      assertTrue(output.contains("OK " + expected), "missing check '" + expected + "':\n" + output);
    }
    List<String> pngs = new ArrayList<>();
    try (Stream<Path> files = Files.list(screenshots)) {
      files.filter(p -> p.toString().endsWith(".png")).forEach(p -> pngs.add(p.getFileName().toString()));
    }
    assertTrue(pngs.size() >= 10, "screenshots of the main pages: " + pngs);
    for (String name : pngs) {
      assertTrue(Files.size(screenshots.resolve(name)) > 5_000, name + " is not an empty image");
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
