package ipwatch.local;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.crawl.CrawlReport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * `./ipwatch up`: the whole platform with demo data. Starts the stack, crawls the demo marketplace, waits until the
 * first cases are visible through the API, prints the portal URL and a login for each demo role, and runs until
 * Ctrl-C, when every part stops in reverse order.
 */
public final class IpwatchUp {
  private IpwatchUp() {}

  public static void main(String[] args) throws Exception {
    Path root = LocalStackSettings.findRepoRoot();
    LocalStackSettings settings = LocalStackSettings.load(root, System.getenv());
    say("IPWatch: starting the local stack (data in " + settings.dataDir() + ") ...");
    CountDownLatch stopped = new CountDownLatch(1);
    LocalStack stack;
    try {
      stack = LocalStack.start(settings);
    } catch (Exception e) {
      System.err.println("IPWatch: the local stack did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    DemoRun demo = DemoRun.start(stack, settings.marketplacePort());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      say("\nIPWatch: stopping ...");
      demo.close();
      stack.close();
      say("IPWatch: stopped.");
      stopped.countDown();
    }, "ipwatch-stop"));

    URI portal = URI.create("http://127.0.0.1:" + stack.casework().port() + "/");
    Map<String, String> tokens = stack.casework().demoTokens();
    Duration firstCase = awaitFirstCase(new CaseworkClient(portal), tokens.get("regulator"), Duration.ofMinutes(3));
    CrawlReport crawl = demo.crawl().join();

    say("");
    say("IPWatch is up. Start-up times:");
    say(stack.clock().report().stripTrailing());
    say(String.format("  %-22s %6.1f s  (%s)", "demo crawl", crawl.elapsed().toMillis() / 1000.0, crawl));
    say(firstCase == null
        ? "  no case is visible yet after 3 minutes: see the log above"
        : String.format("  %-22s %6.1f s after launch", "first case visible", firstCase.toMillis() / 1000.0));
    say("");
    say("Portal:          " + portal + "   (choose a demo role there, or paste a token)");
    say("Demo marketplace: " + demo.marketplace().baseUrl());
    say("Bearer tokens (valid 30 days, Authorization: Bearer <token>):");
    tokens.forEach((role, token) -> say(String.format("  %-16s %s", role, token)));
    say("");
    say("Try: curl -H \"Authorization: Bearer $TOKEN\" " + portal + "api/cases");
    say("Ctrl-C stops everything.");
    stopped.await();
  }

  /** Polls the case list as the regulator until a case shows up; returns the time since launch, or null. */
  private static Duration awaitFirstCase(CaseworkClient api, String token, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode page = api.cases(token, 1, 1);
      if (page.path("total").asLong() > 0) {
        return Duration.ofMillis(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
      }
      Thread.sleep(500);
    }
    return null;
  }

  private static void say(String line) {
    System.out.println(line);
  }
}
