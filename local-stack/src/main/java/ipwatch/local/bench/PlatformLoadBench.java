package ipwatch.local.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ipwatch.local.CaseworkClient;
import ipwatch.local.LocalStack;
import ipwatch.local.LocalStackSettings;
import ipwatch.model.Json;
import ipwatch.model.Topics;
import ipwatch.model.Trademark;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ipwatch bench platform [--rate 2000] [--minutes 10] [--counterfeit-share 0.05] [--marks 300] [--seed 42]
 * [--drain-minutes 10] [--warmup-minutes 0]}
 *
 * <p>The whole local stack as {@code ipwatch up} starts it (fresh data directory, free ports), a registry registered
 * through the registry API, then synthetic listings published straight to {@code listings} at a target rate. Every
 * counterfeit must become exactly one case; the bench times each from publish to visible in the casework API, and
 * prints the latency percentiles, achieved rate, consumer lag, cases expected vs found and memory once a minute.
 * Exits 1 when a case was lost or doubled; a missed latency goal is a figure, not a failure.
 *
 * <p>{@code --warmup-minutes W} publishes at the same rate for W minutes first, without measuring: a freshly started
 * JVM compiles its hot paths during the first minute or two and builds a backlog, so without it the figures mix that
 * cold start with the steady state. Publishing does not pause between the two phases. Run with 0 for the cold start.
 */
public final class PlatformLoadBench {
  private PlatformLoadBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o;
    try {
      o = options(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ipwatch bench platform: " + e.getMessage());
      System.exit(2);
      return;
    }
    double rate = Double.parseDouble(o.get("rate"));
    double minutes = Double.parseDouble(o.get("minutes"));
    double share = Double.parseDouble(o.get("counterfeit-share"));
    say("Platform load bench: " + o);
    String uptimeBefore = uptime();
    say("uptime before: " + uptimeBefore);

    Path root = LocalStackSettings.findRepoRoot();
    Path data = root.resolve("local-stack/target/bench-platform-data");
    deleteRecursively(data);
    LocalStackSettings settings = LocalStackSettings.load(root, System.getenv()).withDataDir(data).withFreePorts();
    long t = System.nanoTime();
    LocalStack stack = LocalStack.start(settings);
    double startup = (System.nanoTime() - t) / 1e9;
    say(String.format(Locale.ROOT, "stack ready in %.1f s (data in %s)", startup, data));
    int exit = 1;
    try {
      exit = run(stack, o, rate, minutes, share, uptimeBefore, startup);
    } finally {
      closeWithin(stack, 60, exit);
    }
    haltForSure(exit);
  }

  /**
   * Ends the JVM even when its exit hangs. Six bench JVMs closed their stack, printed everything and then hung for
   * good, in System.exit and in Runtime.halt alike: no CPU, not attachable by jstack, about 1.7 GB resident each. gdb
   * showed why: the JVM's exit runs the C library's exit handlers at a safepoint, RocksDB's handler joins its
   * background threads, and one of them, mid-compaction, was in Flink's TTL compaction filter waiting to enter the
   * JVM, which the safepoint never lets it do. Everything the run owns is closed or printed by now, so a helper
   * process kills this one if the halt has not ended it within 15 s (the exit code is then 137).
   */
  private static void haltForSure(int exitCode) {
    System.out.flush();
    System.err.flush();
    try {
      new ProcessBuilder("sh", "-c", "sleep 15; kill -9 " + ProcessHandle.current().pid() + " 2>/dev/null")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (java.io.IOException e) {
      say("could not start the exit watchdog: " + e.getMessage());
    }
    Runtime.getRuntime().halt(exitCode);
  }

  /**
   * Closes the stack, but gives up after {@code seconds}: once a run hung in the stack's shutdown, and its JVM went on
   * using a quarter of a core through the next runs' measurements. The figures are printed by then; halt with the
   * run's exit code instead.
   */
  private static void closeWithin(LocalStack stack, int seconds, int exitCode) {
    Thread closer = new Thread(() -> {
      try {
        stack.close();
      } catch (Exception e) {
        say("closing the stack: " + e);
      }
    }, "bench-close");
    closer.setDaemon(true);
    closer.start();
    try {
      closer.join(seconds * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closer.isAlive()) {
      say("the stack did not close within " + seconds + " s; halting");
      haltForSure(exitCode);
    }
  }

  private static int run(LocalStack stack, Map<String, String> o, double rate, double minutes, double share,
      String uptimeBefore, double startup) throws Exception {
    URI base = URI.create("http://127.0.0.1:" + stack.casework().port() + "/");
    CaseworkClient api = new CaseworkClient(base);
    Map<String, String> tokens = stack.casework().demoTokens();
    List<String> holders = List.of(tokens.get("rights-holder"), tokens.get("rights-holder-2"));
    SyntheticMarketplace market = new SyntheticMarketplace(Long.parseLong(o.get("seed")),
        Integer.parseInt(o.get("marks")), share, List.of("org-nordvik", "org-lumora"));
    long t = System.nanoTime();
    register(base, holders, market.marks());
    say(String.format(Locale.ROOT, "registry: %d marks registered through PUT /api/registry/assets in %.1f s",
        market.marks().size(), (System.nanoTime() - t) / 1e9));

    CaseWatcher watcher = new CaseWatcher(api, tokens.get("regulator"));
    try (KafkaProducer<String, byte[]> producer = producer(stack.kafka().bootstrapServers());
        ConsumerLag lag = new ConsumerLag(stack.kafka().bootstrapServers())) {
      warmUp(api, tokens.get("regulator"), producer, market, watcher);
      watcher.startFollowing();
      PipelineProbe stages = new PipelineProbe(stack.elasticsearch().httpUrl(), lag, api, tokens.get("regulator"));

      long total = (long) Math.ceil(rate * minutes * 60);
      BlockingQueue<SyntheticMarketplace.Outgoing> queue = new ArrayBlockingQueue<>((int) Math.min(50_000, total));
      say(String.format(Locale.ROOT, "generator: %,.0f listings/s on one thread (pre-filling %,d of %,d)",
          prefill(market, queue), queue.size(), total));
      double warmupMinutes = Double.parseDouble(o.get("warmup-minutes"));
      if (warmupMinutes > 0) {
        warmUpUnderLoad(producer, market, watcher, rate, warmupMinutes);
      }
      AtomicBoolean generating = new AtomicBoolean(true);
      Thread generator = daemon("bench-generator", () -> {
        for (long n = queue.size(); n < total && generating.get(); n++) {
          try {
            queue.put(market.next());
          } catch (InterruptedException e) {
            return;
          }
        }
      });

      long start = System.nanoTime();
      double cpuAtStart = StackCpu.seconds();
      MemorySampler memory = new MemorySampler(start);
      AtomicLong sent = new AtomicLong();
      AtomicLong stalls = new AtomicLong();
      Thread minutely = daemon("bench-minutely", () -> {
        long last = 0;
        for (int m = 1; ; m++) {
          LockSupport.parkNanos(Math.max(0, start + m * 60_000_000_000L - System.nanoTime()));
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
          long s = sent.get();
          say(MemorySampler.describe(memory.sampleWithoutPause()) + String.format(Locale.ROOT,
              "%n    sent %,d (%,.0f/s this minute)  %s  expected cases seen %,d  lag %s", s, (s - last) / 60.0,
              stages.read().describe(), watcher.foundNow(), lag.of(Topics.LISTINGS.name(), "ipwatch-match")
                  + " " + lag.of(Topics.INFRINGEMENTS.name(), "casework-api")));
          last = s;
        }
      });
      if (warmupMinutes > 0) {
        // the stack is already under load: a forced full GC here paused it for about half a second, shrank the heap
        // by half and so doubled the young collections for the next minutes, all inside the first measured minute
        memory.sampleWithoutPause();
      } else {
        memory.sample();
      }

      watcher.publishingStarted(System.currentTimeMillis());
      publishAtRate(producer, new RatePacer(rate, start, total), queue::poll,
          c -> watcher.expect(c.listingId(), c.expectedAssetId(), System.currentTimeMillis()), sent, stalls);
      producer.flush();
      double publishSeconds = (System.nanoTime() - start) / 1e9;
      double cpuPublishing = StackCpu.seconds() - cpuAtStart;
      generating.set(false);
      generator.interrupt();
      Map<String, Long> lagAtEnd = new LinkedHashMap<>(lag.of(Topics.LISTINGS.name(), "ipwatch-match",
          "ipwatch-match-search", "ipwatch-sellers", "ipwatch-relisting"));
      lagAtEnd.putAll(lag.of(Topics.INFRINGEMENTS.name(), "casework-api"));
      PipelineProbe.Stages stagesAtEnd = stages.read();
      say(String.format(Locale.ROOT, "published %,d listings in %.1f s; consumer lag at the end of publishing: %s;"
          + " %s", sent.get(), publishSeconds, lagAtEnd, stagesAtEnd.describe()));

      // Drain: wait until every expected case is visible, giving up after --drain-minutes or 3 minutes in which
      // nothing moved along the path (no new case, no listing read by the match job).
      long drainStart = System.nanoTime();
      long drainLimit = (long) (Double.parseDouble(o.get("drain-minutes")) * 60e9);
      long lastMove = System.nanoTime();
      String lastState = "";
      while (watcher.foundNow() < watcher.expectedCount() && System.nanoTime() - drainStart < drainLimit
          && System.nanoTime() - lastMove < 180e9) {
        Thread.sleep(5_000);
        PipelineProbe.Stages now = stages.read();
        String state = watcher.foundNow() + "/" + now.listingsIndexed() + "/" + now.cases();
        if (!state.equals(lastState)) {
          lastMove = System.nanoTime();
          lastState = state;
        }
      }
      double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
      double cpuTotal = StackCpu.seconds() - cpuAtStart;
      PipelineProbe.Stages stagesAfterDrain = stages.read();
      watcher.stopFollowing();
      minutely.interrupt();
      memory.sample();
      Map<String, Long> lagAfterDrain = new LinkedHashMap<>(lag.of(Topics.LISTINGS.name(), "ipwatch-match",
          "ipwatch-match-search", "ipwatch-sellers", "ipwatch-relisting"));
      lagAfterDrain.putAll(lag.of(Topics.INFRINGEMENTS.name(), "casework-api"));
      long foundByEvents = watcher.foundNow();
      watcher.sweep(SyntheticMarketplace.MARKETPLACES, url -> market.kindOf(url)
          .map(k -> k.name().toLowerCase(Locale.ROOT) + " listing").orElse("listing not from the bench"));

      LoadReport report = new LoadReport(o, sent.get(), publishSeconds, stalls.get(), lagAtEnd, lagAfterDrain,
          stagesAtEnd, stagesAfterDrain, drainSeconds, new double[] {cpuPublishing, cpuTotal}, foundByEvents, watcher, memory.samples(), uptimeBefore, uptime(),
          startup);
      report.print(System.out);
      return report.lostOrDoubled() ? 1 : 0;
    }
  }

  /** Registers every mark through the registry API, as the rights holders would. */
  private static void register(URI base, List<String> holders, List<Trademark> marks) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < marks.size(); i++) {
      Trademark tm = marks.get(i);
      ObjectNode body = (ObjectNode) Json.mapper().valueToTree(tm);
      body.remove("owner");
      body.remove("assetId");
      while (true) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/registry/assets/"
                + tm.assetId())).timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + holders.get(i % 2)).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          break;
        }
        if (r.statusCode() != 429) {
          throw new IllegalStateException("registering " + tm.assetId() + " answered " + r.statusCode() + ": "
              + r.body());
        }
        Thread.sleep(500);
      }
    }
  }

  /**
   * Publishes one counterfeit of the first and of the last mark and waits until both cases are visible: the match
   * job has the whole registry and every part of the path works before the clock starts.
   */
  private static void warmUp(CaseworkClient api, String token, KafkaProducer<String, byte[]> producer,
      SyntheticMarketplace market, CaseWatcher main) throws Exception {
    long t = System.nanoTime();
    CaseWatcher probe = new CaseWatcher(api, token);
    probe.startFollowing();
    for (int i : new int[] {0, market.marks().size() - 1}) {
      SyntheticMarketplace.Outgoing o = market.counterfeitOf(i);
      probe.expect(o.listingId(), o.expectedAssetId(), System.currentTimeMillis());
      main.ignore(o.listingId());
      producer.send(new ProducerRecord<>(Topics.LISTINGS.name(), o.listingId(), o.value()));
    }
    producer.flush();
    while (probe.foundNow() < 2) {
      if (System.nanoTime() - t > 300_000_000_000L) {
        throw new IllegalStateException("the warm-up counterfeits did not become cases within 5 minutes");
      }
      Thread.sleep(100);
    }
    probe.stopFollowing();
    say(String.format(Locale.ROOT, "warm-up: both probe counterfeits are cases after %.1f s (latency %s)",
        (System.nanoTime() - t) / 1e9, probe.latencies().describe()));
  }

  /**
   * Publishes at {@code rate} for {@code minutes} without measuring: the counterfeits' cases are ignored, neither
   * counted nor timed. The measured phase follows without a pause.
   */
  private static void warmUpUnderLoad(KafkaProducer<String, byte[]> producer, SyntheticMarketplace market,
      CaseWatcher watcher, double rate, double minutes) {
    long total = (long) Math.ceil(rate * minutes * 60);
    long start = System.nanoTime();
    AtomicLong sent = new AtomicLong();
    publishAtRate(producer, new RatePacer(rate, start, total), market::next, c -> watcher.ignore(c.listingId()), sent,
        new AtomicLong());
    say(String.format(Locale.ROOT, "load warm-up: %,d listings at %,.0f/s in %.1f s, not measured", sent.get(), rate,
        (System.nanoTime() - start) / 1e9));
  }

  /**
   * Sends listings to {@code listings} as {@code pacer} allows until it is finished, calling {@code onCounterfeit}
   * for each counterfeit before it is sent. A {@code next} that answers null (the generator is behind) counts a stall
   * and waits for the next tick.
   */
  private static void publishAtRate(KafkaProducer<String, byte[]> producer, RatePacer pacer,
      Supplier<SyntheticMarketplace.Outgoing> next, Consumer<SyntheticMarketplace.Outgoing> onCounterfeit,
      AtomicLong sent, AtomicLong stalls) {
    while (!pacer.finished(sent.get())) {
      long due = pacer.dueBy(System.nanoTime());
      while (sent.get() < due) {
        SyntheticMarketplace.Outgoing o = next.get();
        if (o == null) {
          stalls.incrementAndGet();
          break;
        }
        if (o.expectedAssetId() != null) {
          onCounterfeit.accept(o);
        }
        producer.send(new ProducerRecord<>(Topics.LISTINGS.name(), o.listingId(), o.value()));
        sent.incrementAndGet();
      }
      LockSupport.parkNanos(2_000_000L);
    }
  }

  /** Fills the queue before the clock starts; answers the generator's own rate on one thread. */
  private static double prefill(SyntheticMarketplace market, BlockingQueue<SyntheticMarketplace.Outgoing> queue) {
    long t = System.nanoTime();
    int n = 0;
    while (queue.remainingCapacity() > 0) {
      queue.add(market.next());
      n++;
    }
    return n / ((System.nanoTime() - t) / 1e9);
  }

  static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "platform-load-bench");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // batches: a few hundred listings per request instead of one, the sender never waits on a round trip
    p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  private static Thread daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>(Map.of("rate", "2000", "minutes", "10", "counterfeit-share", "0.05",
        "marks", "300", "seed", "42", "drain-minutes", "10",
        "warmup-minutes", "0"));
    for (int i = 0; i < args.length; i++) {
      String key = args[i].replaceFirst("^--", "");
      if (!o.containsKey(key) || i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + args[i] + "; options: "
            + o.keySet());
      }
      o.put(key, args[++i]);
    }
    return o;
  }

  static String uptime() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (Exception e) {
      return "unknown";
    }
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

  static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
