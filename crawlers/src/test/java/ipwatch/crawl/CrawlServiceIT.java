package ipwatch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.crawl.sink.CollectingErrorSink;
import ipwatch.crawl.sink.KafkaListingSink;
import ipwatch.local.infra.InProcessKafka;
import ipwatch.model.FileEvidenceStore;
import ipwatch.model.Json;
import ipwatch.model.Listing;
import ipwatch.model.config.Config;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two crawler instances in one consumer group on a real in-test KRaft broker split twelve loopback hosts through the
 * frontier's partitions: every host is crawled by exactly one instance, both instances work, links found on the seed
 * pages come back through the frontier, and every product reaches the listings topic.
 */
class CrawlServiceIT {
  private static final int HOSTS = 12;
  private static InProcessKafka kafka;
  @TempDir static Path dir;

  @BeforeAll
  static void startKafka() throws Exception {
    // the same in-process KRaft broker the local stack runs
    kafka = InProcessKafka.start(dir.resolve("kafka"), 0);
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  static CrawlerSettings settings(String instance) {
    Map<String, String> o = new HashMap<>(Map.of("marketplaces.dir", "../config/marketplaces",
        "evidence.dir", dir.resolve("evidence").toString(), "state.dir", dir.resolve("state-" + instance).toString(),
        "kafka.bootstrapServers", kafka.bootstrapServers(), "frontier.partitions", "6",
        "userAgent", "IPWatchBot/test (instance " + instance + ")", "discovery.sitemaps", "false",
        "progress.interval", "0s"));
    o.put("politeness.minDelay", "10ms");
    return CrawlerSettings.from(Config.load(Path.of("../config/crawler.yaml"), Map.of()).with(o));
  }

  @Test
  void twoInstancesSplitTheHostsAndFeedDiscoveredLinksBackIntoTheFrontier() throws Exception {
    List<LoopbackSite> sites = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    List<AutoCloseable> closing = new ArrayList<>();
    try {
      for (int i = 0; i < HOSTS; i++) {
        LoopbackSite site = new LoopbackSite();
        site.html("/", "<a href=/p/1>1</a><a href=/p/2>2</a>");
        site.html("/p/1", LoopbackSite.product("Host " + i + " item 1", "1.00"));
        site.html("/p/2", LoopbackSite.product("Host " + i + " item 2", "2.00"));
        sites.add(site);
      }
      CrawlService.ensureTopic(settings("a"));
      List<CrawlService> services = new ArrayList<>();
      for (String id : List.of("a", "b")) {
        CrawlerSettings s = settings(id);
        KafkaListingSink listings = new KafkaListingSink(s.kafkaBootstrapServers(), s.listingsTopic());
        Crawler crawler = new Crawler(s, new FileEvidenceStore(s.evidenceDir()), listings, new CollectingErrorSink());
        CrawlService service = new CrawlService(crawler, id);
        services.add(service);
        closing.add(0, listings);
        closing.add(0, crawler);
        closing.add(0, service);
        Thread t = new Thread(service::run, "serve-" + id);
        t.start();
        threads.add(t);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (services.stream().anyMatch(s -> s.assignment().isEmpty())
          || services.stream().mapToInt(s -> s.assignment().size()).sum() != 6) {
        assertTrue(System.nanoTime() < deadline, "both instances should own partitions");
        Thread.sleep(100);
      }
      services.get(0).seed(sites.stream().map(s -> s.url("/")).toList());

      Set<String> listed = readListings(HOSTS * 2, Duration.ofSeconds(60));
      assertEquals(HOSTS * 2, listed.size(), listed.toString());

      Set<String> agentsSeen = new HashSet<>();
      for (LoopbackSite site : sites) {
        Set<String> agents = new HashSet<>(site.agents());
        assertEquals(1, agents.size(), "one host, one instance: " + agents);
        agentsSeen.addAll(agents);
        assertEquals(1, site.hits("/p/1").size(), "fetched once");
      }
      assertEquals(2, agentsSeen.size(), "both instances crawled: " + agentsSeen);
    } finally {
      for (CrawlService s : closingServices(closing)) {
        s.stop();
      }
      for (Thread t : threads) {
        t.join(30_000);
      }
      for (AutoCloseable c : closing) {
        c.close();
      }
      sites.forEach(LoopbackSite::close);
    }
  }

  private static List<CrawlService> closingServices(List<AutoCloseable> closing) {
    return closing.stream().filter(c -> c instanceof CrawlService).map(c -> (CrawlService) c).toList();
  }

  private static Set<String> readListings(int expected, Duration timeout) {
    Map<String, Object> p = Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", "it-reader",
        "auto.offset.reset", "earliest", "key.deserializer", StringDeserializer.class.getName(),
        "value.deserializer", StringDeserializer.class.getName());
    Set<String> urls = new HashSet<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
      c.subscribe(List.of("listings"));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (urls.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          urls.add(URI.create(Json.read(r.value(), Listing.class).url()).toString());
        }
      }
    }
    return urls;
  }
}
