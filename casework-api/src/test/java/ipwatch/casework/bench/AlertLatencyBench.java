package ipwatch.casework.bench;

import io.vertx.core.json.JsonObject;
import ipwatch.casework.CaseworkServer;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.ingest.FlagIngestor;
import ipwatch.casework.ingest.InfringementsConsumer;
import ipwatch.casework.ingest.JurisdictionResolver;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.SseClient;
import ipwatch.casework.testing.TestPostgres;
import ipwatch.casework.testing.TestServers;
import ipwatch.casework.testing.TestFlags;
import ipwatch.model.Trademark;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * Latency from a flag written to the {@code infringements} topic to the rights holder's alert, on a real in-process
 * KRaft broker and embedded PostgreSQL (synchronous_commit on): casework-api with its own webhook dispatcher and SSE
 * endpoint (settings from config/casework-api.yaml, private targets allowed for the loopback receiver), the real
 * {@link InfringementsConsumer} and {@link FlagIngestor} (the search index is not on that path).
 * The rights holder subscribes twice (webhook to a verifying receiver on 127.0.0.1, and SSE) and the benchmark
 * produces flags at a fixed rate (acks=all, idempotent), each a new listing, timing each from just before the send to
 * the signed webhook's arrival and to the SSE frame, and splitting the time at the start of the ingestion transaction
 * that opened the case and wrote the alert. One primer flag goes end to end first (topic metadata, consumer group
 * assignment, first fetch); the first tenth of the timed flags is warm-up.
 *
 * <p>Args: {@code [--flags 1000] [--rate 50]} (flags per second).
 */
public final class AlertLatencyBench {
  private AlertLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int flags = Integer.parseInt(WebhookThroughputBench.arg(args, "--flags", "1000"));
    int rate = Integer.parseInt(WebhookThroughputBench.arg(args, "--rate", "50"));
    KafkaClusterTestKit kafka = ipwatch.casework.testing.TestKafka.start();
    TestPostgres.TestDatabase db = TestPostgres.freshDatabase();
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    io.vertx.sqlclient.Pool setup = db.pool(vertx);
    Await.result(setup.query("ALTER DATABASE " + db.name() + " SET synchronous_commit = on").execute());
    Await.result(setup.close());
    CaseworkServer server = CaseworkServer.start(TestServers.config(db, Map.of(
        "kafka.bootstrapServers", kafka.bootstrapServers(), "webhooks.dispatch", "true",
        "webhooks.allowPrivateTargets", "true", "http.rateLimit.perSecond", "100000")));
    io.vertx.sqlclient.Pool pool = db.pool(vertx);
    Await.result(new RegistryStore(pool).upsert(List.of(new Trademark("tm-us", "org-nordvik", "NORDVIK",
        List.of(25), List.of("US"), List.of(), List.of()))));
    String token = server.demoTokens().get("rights-holder");
    String api = "http://127.0.0.1:" + server.port();
    try (LoopbackReceiver receiver = new LoopbackReceiver();
        InfringementsConsumer consumer = new InfringementsConsumer(kafka.bootstrapServers(), "alerts-bench",
            "infringements", new FlagIngestor(pool, new JurisdictionResolver(new CaseworkSettings.CaseDefaults("US",
                Map.of())))).start();
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(kafka.bootstrapServers()))) {
      JsonObject endpoint = post(api + "/api/webhooks/endpoints", token, new JsonObject().put("url", receiver.url()));
      receiver.secret(endpoint.getString("secret"));
      post(api + "/api/subscriptions", token, new JsonObject().put("events", List.of("CASE_OPENED"))
          .put("channel", "webhook").put("endpointId", endpoint.getString("id")));
      post(api + "/api/subscriptions", token, new JsonObject().put("events", List.of("CASE_OPENED"))
          .put("channel", "sse"));
      while (!consumer.healthy()) {
        Thread.sleep(100);
      }
      // one flag end to end before the clock starts: topic metadata, group assignment, first fetch, JIT
      var primer = TestFlags.flag("primer-0", "tm-us", "org-nordvik", "demo-market", "NORDVIK primer");
      producer.send(new ProducerRecord<>("infringements", primer.flagId(), TestFlags.bytes(primer))).get();
      long primed = System.nanoTime() + 120_000_000_000L;
      while (receiver.ids.isEmpty() && System.nanoTime() < primed) {
        Thread.sleep(50);
      }
      receiver.ids.clear();
      receiver.bodies.clear();
      receiver.arrivedNanos.clear();
      try (SseClient sse = SseClient.connect(server.port(), token, false, null)) {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> sentWall = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < flags; i++) {
          long due = start + i * intervalNanos;
          while (System.nanoTime() < due) {
            Thread.sleep(0, 200_000);
          }
          String listing = "bench-" + i + "-" + System.nanoTime();
          var flag = TestFlags.flag(listing, "tm-us", "org-nordvik", "demo-market", "NORDVIK parka " + i);
          sent.put(listing, System.nanoTime());
          sentWall.put(listing, System.currentTimeMillis());
          producer.send(new ProducerRecord<>("infringements", flag.flagId(), TestFlags.bytes(flag)));
        }
        producer.flush();
        long lastSent = System.nanoTime();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while ((receiver.ids.size() < flags || alerts(sse) < flags) && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        List<Double> hook = new ArrayList<>();
        receiver.bodies.forEach((id, body) -> latency(body, receiver.arrivedNanos.get(id), sent, flags, hook));
        List<Double> stream = new ArrayList<>();
        sse.events.stream().filter(e -> e.event().equals("alert"))
            .forEach(e -> latency(e.data(), e.receivedNanos(), sent, flags, stream));
        System.out.printf("flag on infringements → rights-holder alert: %d flags at %d/s (first %d warm-up),"
                + " in-process KRaft + embedded PostgreSQL, dispatcher poll %s, SSE woken by NOTIFY, JDK %s, %d cores,"
                + " load average %.1f%n", flags, rate, flags / 10, "250ms (config)",
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // where the time goes: until the ingestion transaction that opened the case (and wrote the alert) began
        // case created_at is the ingestion transaction's start (database clock, same host)
        List<Double> ingest = new ArrayList<>();
        Map<String, Double> caseAt = new ConcurrentHashMap<>();
        Await.result(pool.query("SELECT listing_id, extract(epoch FROM created_at) * 1000 FROM cases").execute())
            .forEach(r -> {
              Long t0 = sentWall.get(r.getString(0));
              if (t0 == null) {
                return; // the primer
              }
              int n = Integer.parseInt(r.getString(0).split("-")[1]);
              caseAt.put(r.getString(0), r.getDouble(1));
              if (n >= flags / 10) {
                ingest.add(r.getDouble(1) - t0);
              }
            });
        List<Double> hookAfterCase = new ArrayList<>();
        receiver.bodies.forEach((id, body) -> afterCase(body, receiver.arrivedNanos.get(id), sent, sentWall, caseAt,
            flags, hookAfterCase));
        List<Double> sseAfterCase = new ArrayList<>();
        sse.events.stream().filter(e -> e.event().equals("alert")).forEach(e -> afterCase(e.data(),
            e.receivedNanos(), sent, sentWall, caseAt, flags, sseAfterCase));
        double sendSeconds = (lastSent - start) / 1e9;
        System.out.printf("  produced in %.1f s (%.0f flags/s)%n", sendSeconds, flags / sendSeconds);
        System.out.println("  end to end, from just before the send:");
        print("webhook (signed, verified)", hook, receiver.ids.size(), flags);
        print("SSE /api/events", stream, alerts(sse), flags);
        System.out.println("  split: flag sent → its case's transaction began (consumer + queue), then → alert:");
        print("flag → case transaction", ingest, caseAt.size(), flags);
        print("case → webhook", hookAfterCase, receiver.ids.size(), flags);
        print("case → SSE", sseAfterCase, alerts(sse), flags);
      }
    } finally {
      server.close();
      Await.result(pool.close());
      Await.result(vertx.close());
      kafka.close();
    }
    System.exit(0);
  }

  /** Adds the time from the case's transaction start to the alert's arrival (ms), warm-up excluded. */
  private static void afterCase(JsonObject alert, Long arrivedNanos, Map<String, Long> sent,
      Map<String, Long> sentWall, Map<String, Double> caseAt, int flags, List<Double> out) {
    String url = alert.getJsonObject("data").getString("url");
    String listing = url.substring(url.lastIndexOf('/') + 1);
    Long t0 = sent.get(listing);
    Long w0 = sentWall.get(listing);
    Double opened = caseAt.get(listing);
    if (t0 != null && w0 != null && opened != null && arrivedNanos != null
        && Integer.parseInt(listing.split("-")[1]) >= flags / 10) {
      out.add(w0 + (arrivedNanos - t0) / 1e6 - opened);
    }
  }

  private static long alerts(SseClient sse) {
    return sse.events.stream().filter(e -> e.event().equals("alert")).count();
  }

  /** Adds the latency of one alert (ms) unless its flag was in the warm-up tenth. */
  private static void latency(JsonObject alert, Long arrived, Map<String, Long> sent, int flags, List<Double> out) {
    String url = alert.getJsonObject("data").getString("url");
    String listing = url.substring(url.lastIndexOf('/') + 1);
    Long t0 = sent.get(listing);
    int n = Integer.parseInt(listing.split("-")[1]);
    if (t0 != null && arrived != null && n >= flags / 10) {
      out.add((arrived - t0) / 1e6);
    }
  }

  private static void print(String what, List<Double> ms, long received, int flags) {
    Collections.sort(ms);
    if (ms.isEmpty()) {
      System.out.printf("  %-28s received %d of %d, nothing measured%n", what, received, flags);
      return;
    }
    System.out.printf("  %-28s %d of %d; p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n", what, received, flags, pct(ms, 0.50), pct(ms, 0.95), pct(ms, 0.99),
        ms.get(ms.size() - 1));
  }

  private static double pct(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static JsonObject post(String url, String token, JsonObject body) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonObject(r.body());
  }

  private static Properties producerConfig(String bootstrap) {
    Properties p = new Properties();
    p.putAll(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
        ProducerConfig.LINGER_MS_CONFIG, "0",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    return p;
  }
}
