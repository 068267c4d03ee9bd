package ipwatch.local;

import ipwatch.crawl.CrawlReport;
import ipwatch.crawl.Crawler;
import ipwatch.crawl.CrawlerSettings;
import ipwatch.crawl.sink.KafkaErrorSink;
import ipwatch.crawl.sink.KafkaListingSink;
import ipwatch.local.demo.DemoCatalogue;
import ipwatch.local.demo.DemoMarketplace;
import ipwatch.local.demo.DemoAlertReceiver;
import ipwatch.local.demo.DemoPlatformReceiver;
import ipwatch.model.FileEvidenceStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo half of `ipwatch up`: a local marketplace, the production crawler visiting it and publishing to the
 * stack's `listings` topic, and the marketplace's takedown desk answering notices. The crawl runs in the background so
 * the stack stays responsive.
 */
public final class DemoRun implements AutoCloseable {
  private final DemoMarketplace marketplace;
  private final DemoPlatformReceiver platform;
  private final DemoAlertReceiver alerts;
  private final KafkaListingSink listings;
  private final KafkaErrorSink errors;
  private final ExecutorService crawlThread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "demo-crawl");
    t.setDaemon(true);
    return t;
  });
  private final CompletableFuture<CrawlReport> report;

  private DemoRun(LocalStack stack, int marketplacePort) {
    marketplace = DemoMarketplace.start(marketplacePort,
        stack.settings().repoRoot().resolve("config/demo/registry.jsonl"));
    platform = DemoPlatformReceiver.start(java.net.URI.create("http://127.0.0.1:" + stack.casework().port() + "/"),
        stack.casework().demoTokens().get("platform"));
    // subscribed before the crawl starts, so every case on the demo rights holder's marks is alerted
    alerts = DemoAlertReceiver.start(java.net.URI.create("http://127.0.0.1:" + stack.casework().port() + "/"),
        stack.casework().demoTokens().get("rights-holder"));
    CrawlerSettings settings = CrawlerSettings.from(stack.crawlerConfig());
    listings = new KafkaListingSink(settings.kafkaBootstrapServers(), settings.listingsTopic());
    errors = new KafkaErrorSink(settings.kafkaBootstrapServers(), settings.errorsTopic());
    Crawler crawler = new Crawler(settings, new FileEvidenceStore(stack.directory().evidence()), listings, errors);
    report = CompletableFuture.supplyAsync(
        () -> crawler.crawl(List.of(marketplace.baseUrl()), stack.settings().crawlMaxPages()), crawlThread);
  }

  /** Starts the demo marketplace and begins crawling it into the stack. */
  public static DemoRun start(LocalStack stack, int marketplacePort) {
    return new DemoRun(stack, marketplacePort);
  }

  public DemoCatalogue catalogue() {
    return marketplace.catalogue();
  }

  public DemoMarketplace marketplace() {
    return marketplace;
  }

  /** The demo marketplace's takedown desk: answers verified notices with removals. */
  public DemoPlatformReceiver platform() {
    return platform;
  }

  /** The demo rights holder's alert desk: verified alerts on its marks. */
  public DemoAlertReceiver alerts() {
    return alerts;
  }

  public CompletableFuture<CrawlReport> crawl() {
    return report;
  }

  @Override
  public void close() {
    report.cancel(true);
    crawlThread.shutdownNow();
    listings.close();
    errors.close();
    platform.close();
    alerts.close();
    marketplace.close();
  }
}
