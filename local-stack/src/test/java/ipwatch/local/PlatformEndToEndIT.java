package ipwatch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.crawl.CrawlReport;
import ipwatch.local.demo.DemoItem;
import ipwatch.model.Json;
import ipwatch.model.Topics;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The walking skeleton on real parts: the in-process Kafka broker, Elasticsearch from its zip, embedded PostgreSQL,
 * the Flink match job on a MiniCluster, casework-api, and the production crawler on the demo marketplace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformEndToEndIT {
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private LocalStack stack;
  private DemoRun demo;
  private CaseworkClient api;
  private Map<String, String> tokens;
  private CrawlReport crawl;

  @BeforeAll
  void startThePlatformAndCrawlTheDemoMarketplace() throws Exception {
    Path root = LocalStackSettings.findRepoRoot();
    Path data = root.resolve("local-stack/target/e2e-data");
    deleteRecursively(data);
    LocalStackSettings settings = LocalStackSettings.load(root, Map.of()).withDataDir(data).withFreePorts();
    stack = LocalStack.start(settings);
    demo = DemoRun.start(stack, 0);
    crawl = demo.crawl().get(3, TimeUnit.MINUTES);
    api = new CaseworkClient(URI.create("http://127.0.0.1:" + stack.casework().port() + "/"));
    tokens = stack.casework().demoTokens();
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
  void everyCounterfeitDemoListingBecomesExactlyOneCase() throws Exception {
    List<DemoItem> counterfeits = demo.catalogue().items(DemoItem.Group.COUNTERFEIT);
    assertTrue(counterfeits.size() >= 20, "the demo has counterfeits");
    assertEquals(0, crawl.errors(), "the demo crawl recorded no errors: " + crawl);
    List<JsonNode> cases = awaitCases(tokens.get("regulator"), paths(counterfeits));
    Set<String> pairs = new HashSet<>();
    for (JsonNode c : cases) {
      assertTrue(pairs.add(c.path("listingId").asText() + "|" + c.path("assetId").asText()),
          "one case per listing and asset: " + c);
    }
    for (DemoItem item : counterfeits) {
      JsonNode c = caseFor(cases, item.path());
      assertEquals(item.expectedAssetId(), c.path("assetId").asText(), item.path());
      assertEquals("DETECTED", c.path("status").asText());
      assertEquals("BRAND_USE", c.path("kind").asText());
    }
  }

  @Test
  void genuineAccessoryAndUnrelatedListingsDoNotBecomeCases() throws Exception {
    List<JsonNode> cases = awaitCases(tokens.get("regulator"),
        paths(demo.catalogue().items(DemoItem.Group.COUNTERFEIT)));
    List<DemoItem> innocent = new ArrayList<>();
    for (DemoItem.Group g : List.of(DemoItem.Group.GENUINE, DemoItem.Group.ACCESSORY, DemoItem.Group.UNRELATED,
        DemoItem.Group.REAL_PAGE)) {
      innocent.addAll(demo.catalogue().items(g));
    }
    assertTrue(innocent.size() > 100);
    for (DemoItem item : innocent) {
      assertFalse(cases.stream().anyMatch(c -> c.path("url").asText().endsWith(item.path())),
          "no case for " + item.group() + " " + item.path() + " (" + item.title() + ")");
    }
  }

  @Test
  void rightsHolderSeesOnlyCasesOnTheirOwnMarks() throws Exception {
    List<DemoItem> nordvik = demo.catalogue().items(DemoItem.Group.COUNTERFEIT).stream()
        .filter(i -> "tm-nordvik".equals(i.expectedAssetId())).toList();
    List<JsonNode> own = awaitCases(tokens.get("rights-holder"), paths(nordvik));
    assertTrue(own.stream().allMatch(c -> "org-nordvik".equals(c.path("ownerOrg").asText())), "only own cases");
    List<JsonNode> other = awaitCases(tokens.get("rights-holder-2"), List.of());
    assertTrue(other.stream().noneMatch(c -> "org-nordvik".equals(c.path("ownerOrg").asText())),
        "Lumora sees no Nordvik case");

    String foreignId = own.get(0).path("id").asText();
    CaseworkClient.Reply reply = api.get("/api/cases/" + foreignId, tokens.get("rights-holder-2"));
    assertEquals(404, reply.status(), "a foreign case answers 404");
    assertTrue(reply.body().hasNonNull("type") && reply.body().hasNonNull("correlationId"), reply.body().toString());
    assertEquals(200, api.get("/api/cases/" + foreignId, tokens.get("rights-holder")).status());
  }

  @Test
  void theRightsHolderGetsOneSignedAlertForEachNewCaseOnItsMarksAndNoOther() throws Exception {
    List<DemoItem> nordvik = demo.catalogue().items(DemoItem.Group.COUNTERFEIT).stream()
        .filter(i -> "tm-nordvik".equals(i.expectedAssetId())).toList();
    List<JsonNode> own = awaitCases(tokens.get("rights-holder"), paths(nordvik));
    Set<String> ownIds = new HashSet<>();
    own.forEach(c -> ownIds.add(c.path("id").asText()));
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Set<String> alerted = new HashSet<>();
    while (!alerted.containsAll(ownIds) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      alerted.clear();
      demo.alerts().alerts().stream().filter(a -> "alert.case_opened".equals(a.path("type").asText()))
          .forEach(a -> alerted.add(a.path("data").path("caseId").asText()));
    }
    assertTrue(alerted.containsAll(ownIds), "an alert for every Nordvik case: " + alerted.size() + " of " + ownIds);
    List<JsonNode> opened = demo.alerts().alerts().stream()
        .filter(a -> "alert.case_opened".equals(a.path("type").asText())).toList();
    assertEquals(opened.size(), alerted.size(), "one alert per case");
    for (JsonNode a : opened) {
      String caseId = a.path("data").path("caseId").asText();
      assertEquals(200, api.get("/api/cases/" + caseId, tokens.get("rights-holder")).status(),
          "alerted only about its own cases: " + a);
    }
    assertEquals(0, demo.alerts().rejected(), "every alert's signature verified");
  }

  @Test
  void caseIsSearchableInElasticsearchWithinTheCallersScope() throws Exception {
    DemoItem item = demo.catalogue().items(DemoItem.Group.COUNTERFEIT).stream()
        .filter(i -> "tm-nordvik".equals(i.expectedAssetId())).findFirst().orElseThrow();
    awaitCases(tokens.get("rights-holder"), List.of(item.path()));
    JsonNode hits = awaitSearch(tokens.get("rights-holder"), item.title(), item.path());
    assertTrue(hits.path("total").asLong() >= 1, hits.toString());
    JsonNode foreign = api.search(tokens.get("rights-holder-2"), item.title());
    for (JsonNode hit : foreign.path("items")) {
      assertFalse("org-nordvik".equals(hit.path("ownerOrg").asText()), "search leaks a foreign case: " + hit);
    }
  }

  @Test
  void noticeReachesThePlatformSignedAndItsAnswerRemovesTheListing() throws Exception {
    DemoItem item = demo.catalogue().items(DemoItem.Group.COUNTERFEIT).stream()
        .filter(i -> "tm-nordvik".equals(i.expectedAssetId())).skip(1).findFirst().orElseThrow();
    String holder = tokens.get("rights-holder");
    JsonNode c = caseFor(awaitCases(holder, List.of(item.path())), item.path());
    String id = c.path("id").asText();
    assertEquals(200, transition(holder, id, "confirm", null).status());
    var notice = Json.mapper().createObjectNode().put("signature", "/Nordvik Counsel/")
        .put("explanation", "Counterfeit goods bearing our registered mark NORDVIK")
        .put("notifierName", "Nordvik Counsel").put("notifierEmail", "counsel@nordvik.example")
        .put("goodFaith", true).put("accuracyUnderPenaltyOfPerjury", true);
    CaseworkClient.Reply sent = transition(holder, id, "send_notice", notice);
    assertEquals(200, sent.status(), String.valueOf(sent.body()));

    // the dispatcher signs the webhook, the demo platform verifies it, fetches the notice and removes the listing
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String status = "";
    while (System.nanoTime() < deadline && !"REMOVED".equals(status)) {
      Thread.sleep(500);
      status = api.get("/api/cases/" + id, holder).body().path("status").asText();
    }
    assertEquals("REMOVED", status, "the platform answered the notice with a removal");
    assertTrue(demo.platform().removed() >= 1);
    assertEquals(0, demo.platform().rejected(), "every delivery carried a valid signature");

    // the takedown is announced for relisting detection, with the asset the relisting flags will carry
    JsonNode outcome = awaitRecord(Topics.LISTING_OUTCOMES.name(), c.path("listingId").asText());
    assertEquals("TAKEN_DOWN", outcome.path("outcome").asText());
    assertEquals(id, outcome.path("caseId").asText());
    assertEquals("tm-nordvik", outcome.path("assetId").asText());
  }

  private JsonNode awaitRecord(String topic, String key) throws Exception {
    Map<String, Object> props = Map.of("bootstrap.servers", stack.kafka().bootstrapServers(),
        "group.id", "e2e-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
        "isolation.level", "read_committed");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(r.key())) {
            return Json.mapper().readTree(r.value());
          }
        }
      }
    }
    throw new AssertionError("no record keyed " + key + " on " + topic);
  }

  private CaseworkClient.Reply transition(String token, String id, String action, JsonNode details)
      throws Exception {
    var body = Json.mapper().createObjectNode().put("action", action);
    if (details != null) {
      body.set("details", details);
    }
    return api.post("/api/cases/" + id + "/transitions", body, token);
  }

  private JsonNode awaitSearch(String token, String query, String path) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = api.search(token, query);
      for (JsonNode hit : last.path("items")) {
        if (hit.path("url").asText().endsWith(path)) {
          return last;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("search for '" + query + "' never found " + path + "; last answer " + last);
  }

  /** Polls until every expected path has a case visible to the caller; returns all cases the caller sees. */
  private List<JsonNode> awaitCases(String token, List<String> expectedPaths) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    List<JsonNode> cases = List.of();
    while (System.nanoTime() < deadline) {
      cases = api.allCases(token);
      List<JsonNode> seen = cases;
      if (expectedPaths.stream().allMatch(p -> seen.stream().anyMatch(c -> c.path("url").asText().endsWith(p)))) {
        return cases;
      }
      Thread.sleep(500);
    }
    List<JsonNode> seen = cases;
    List<String> missing = expectedPaths.stream()
        .filter(p -> seen.stream().noneMatch(c -> c.path("url").asText().endsWith(p))).toList();
    throw new AssertionError(missing.size() + " expected cases never appeared, e.g. " + missing.get(0)
        + " (crawl: " + crawl + ", cases visible: " + cases.size() + ")");
  }

  private static JsonNode caseFor(List<JsonNode> cases, String path) {
    return cases.stream().filter(c -> c.path("url").asText().endsWith(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no case for " + path));
  }

  private static List<String> paths(List<DemoItem> items) {
    return items.stream().map(DemoItem::path).toList();
  }

  private static void deleteRecursively(Path dir) throws Exception {
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
