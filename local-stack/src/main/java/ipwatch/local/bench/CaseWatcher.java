package ipwatch.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.local.CaseworkClient;
import ipwatch.local.ServerSentEvents;
import ipwatch.model.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Watches the casework API as a client would: the regulator's {@code GET /api/events} stream, where every new case it
 * may see arrives as a {@code case.updated} event naming its listing, asset and {@code createdAt} (the portal's live
 * list reads the same stream). Each expected case is timed from the moment its listing was published to the moment its
 * first event arrives here: the event is written in the case's own transaction and the API sends it after the commit,
 * so by then {@code GET /api/cases} returns the case too. A dropped stream is reopened with {@code Last-Event-ID}; the
 * final {@link #sweep} pages through every marketplace's cases and finds anything the stream did not deliver, and
 * counts the cases per listing and asset.
 *
 * <p>Each expected case is also timed on the server's clock, from publication to its {@code createdAt} (the bench and
 * the stack share a machine and a clock): the pipeline's own latency, free of how fast this client is served. The case
 * becomes visible when its ingestion batch commits, at most that batch's duration after {@code createdAt}.
 */
final class CaseWatcher {
  private static final int PAGE = 100;
  /** How deep the API lets a client page (it answers 400 beyond). */
  private static final int MAX_WINDOW = 10_000;

  /** A counterfeit the bench published: the case it must become, and when it was published. */
  record Expected(String assetId, long publishedMillis) {}

  private final CaseworkClient api;
  private final String token;
  private final Map<String, Expected> expected = new ConcurrentHashMap<>();
  /** listingId|assetId -> how many distinct case ids carry it (more than one is a doubled case). */
  private final Map<String, java.util.Set<String>> casesByPair = new HashMap<>();
  private final LatencySummary latencies = new LatencySummary();
  private final LatencySummary createdLatencies = new LatencySummary();
  /** Server-side latencies by the minute of publication (0 = the first minute, while the JIT still compiles). */
  private final java.util.TreeMap<Long, LatencySummary> createdByMinute = new java.util.TreeMap<>();
  /** Client-side latencies by the minute of publication. */
  private final java.util.TreeMap<Long, LatencySummary> visibleByMinute = new java.util.TreeMap<>();
  /** Client-side latencies by the 10-second window of publication (epoch millis / 10,000), to find the slow spells. */
  private final java.util.TreeMap<Long, LatencySummary> visibleByWindow = new java.util.TreeMap<>();
  /** The case's createdAt to its event at this client, by the minute of publication. */
  private final java.util.TreeMap<Long, LatencySummary> afterCreatedByMinute = new java.util.TreeMap<>();
  /**
   * Cases seen per createdAt, and when the first of them arrived: the cases of one ingestion transaction share its
   * start time as createdAt, so this is the transaction's size, and from createdAt to its first event at this client
   * it took the transaction's length plus the delivery.
   */
  private final Map<String, long[]> byTransaction = new HashMap<>();
  private volatile long publishingStartedMillis;
  private final java.util.Set<String> ignored = ConcurrentHashMap.newKeySet();
  private volatile long found;
  private long unexpected;
  private final java.util.Set<String> explained = new java.util.HashSet<>();
  /** Unexpected cases of the sweep by "listing kind -> case kind": how many, and up to three examples. */
  private final Map<String, OtherCases> otherCases = new HashMap<>();
  private long requests;
  private long throttled;
  private volatile long events;
  private volatile long reconnects;
  private volatile boolean following;
  private volatile Stream<String> stream;
  private Thread follower;

  CaseWatcher(CaseworkClient api, String token) {
    this.api = api;
    this.token = token;
  }

  /** When publishing started, for {@link #createdByMinute()}. */
  void publishingStarted(long millis) {
    publishingStartedMillis = millis;
  }

  void expect(String listingId, String assetId, long publishedMillis) {
    expected.put(listingId, new Expected(assetId, publishedMillis));
  }

  /** A listing published outside the measurement (the warm-up probes): its cases are neither counted nor timed. */
  void ignore(String listingId) {
    ignored.add(listingId);
  }

  /**
   * Connects to the event stream and reads it on a thread of its own until {@link #stopFollowing}; answers once the
   * stream is open, so every case committed from now on is announced to this watcher.
   */
  void startFollowing() throws Exception {
    following = true;
    Stream<String> first = api.eventLines(token, "");
    stream = first;
    follower = new Thread(() -> follow(first), "bench-case-events");
    follower.setDaemon(true);
    follower.start();
  }

  private void follow(Stream<String> opened) {
    ServerSentEvents parser = new ServerSentEvents();
    Stream<String> lines = opened;
    while (following) {
      try (Stream<String> s = lines) {
        for (java.util.Iterator<String> it = s.iterator(); it.hasNext(); ) {
          ServerSentEvents.Event e = parser.line(it.next());
          if (e != null && e.name().equals("case.updated")) {
            events++;
            JsonNode d = Json.mapper().readTree(e.data());
            see(d.path("caseId").asText(), d.path("listingId").asText(), d.path("assetId").asText(),
                d.path("createdAt").asText());
          }
        }
      } catch (RuntimeException | java.io.IOException ended) {
        // the stream broke or was closed by stopFollowing
      }
      while (following) {
        try {
          reconnects++;
          lines = api.eventLines(token, parser.lastId());
          stream = lines;
          break;
        } catch (Exception e) {
          LockSupport.parkNanos(1_000_000_000L);
        }
      }
    }
  }

  /** Closes the stream and waits for the reading thread to end. */
  void stopFollowing() throws InterruptedException {
    following = false;
    Stream<String> s = stream;
    if (s != null) {
      s.close();
    }
    if (follower != null) {
      follower.interrupt();
      follower.join(10_000);
    }
  }

  /**
   * Pages through every marketplace's cases: what the event stream did not deliver, and the count per listing and
   * asset. Each case the bench did not expect is tallied by what {@code listingKind} says its listing was (from the
   * case's URL) and by the case's kind, with a few titles as examples.
   */
  void sweep(int marketplaces, Function<String, String> listingKind) throws Exception {
    for (int m = 0; m < marketplaces; m++) {
      for (int page = 1; page * PAGE <= MAX_WINDOW; page++) {
        JsonNode items = page("/api/cases?marketplace=" + SyntheticMarketplace.marketplace(m) + "&page=" + page
            + "&size=" + PAGE);
        for (JsonNode c : items) {
          see(c.path("id").asText(), c.path("listingId").asText(), c.path("assetId").asText(),
              c.path("createdAt").asText());
          explainIfUnexpected(c, listingKind);
        }
        if (items.size() < PAGE) {
          break;
        }
      }
    }
  }

  private void explainIfUnexpected(JsonNode c, Function<String, String> listingKind) {
    String listingId = c.path("listingId").asText();
    Expected e = expected.get(listingId);
    if (ignored.contains(listingId) || e != null && e.assetId().equals(c.path("assetId").asText())
        || !explained.add(c.path("id").asText())) {
      return;
    }
    String key = listingKind.apply(c.path("url").asText()) + (e != null ? " (a case for another mark)" : "") + " -> "
        + c.path("kind").asText() + " case";
    OtherCases tally = otherCases.computeIfAbsent(key, k -> new OtherCases());
    tally.count++;
    if (tally.examples.size() < 3) {
      tally.examples.add("\"" + c.path("title").asText() + "\" -> " + c.path("assetId").asText() + " (score "
          + c.path("score").asText() + ")");
    }
  }

  private static final class OtherCases {
    long count;
    final List<String> examples = new ArrayList<>();
  }

  /** The unexpected cases of the sweep by "listing kind -> case kind", most first, each with up to three examples. */
  List<String> otherCasesExplained() {
    List<String> out = new ArrayList<>();
    otherCases.entrySet().stream()
        .sorted(java.util.Comparator.comparingLong((Map.Entry<String, OtherCases> en) -> en.getValue().count).reversed())
        .forEach(en -> {
          out.add(String.format(java.util.Locale.ROOT, "%,7d  %s", en.getValue().count, en.getKey()));
          en.getValue().examples.forEach(x -> out.add("           e.g. " + x));
        });
    return out;
  }

  private JsonNode page(String path) throws Exception {
    while (true) {
      requests++;
      CaseworkClient.Reply r = api.get(path, token);
      if (r.status() == 200) {
        return r.body().path("items");
      }
      if (r.status() == 429 || r.status() == 503) {
        throttled++;
        Thread.sleep(1_000);
        continue;
      }
      throw new IllegalStateException("GET " + path + " answered " + r.status() + ": " + r.body());
    }
  }

  /** Records a case seen by the stream or the sweep; answers whether it is the first sight of that case id. */
  private synchronized boolean see(String caseId, String listingId, String assetId, String createdAt) {
    if (ignored.contains(listingId)) {
      return false;
    }
    boolean first = casesByPair.computeIfAbsent(listingId + "|" + assetId, k -> new java.util.HashSet<>())
        .add(caseId);
    if (!first) {
      return false;
    }
    long now = System.currentTimeMillis();
    if (following) {
      byTransaction.computeIfAbsent(createdAt, k -> new long[] {0, now})[0]++;
    }
    Expected e = expected.get(listingId);
    if (e != null && e.assetId().equals(assetId)) {
      if (casesByPair.get(listingId + "|" + assetId).size() == 1) {
        long visible = Math.max(0, now - e.publishedMillis());
        latencies.record(visible);
        long created = Math.max(0, Instant.parse(createdAt).toEpochMilli() - e.publishedMillis());
        createdLatencies.record(created);
        long minute = Math.max(0, (e.publishedMillis() - publishingStartedMillis) / 60_000);
        afterCreatedByMinute.computeIfAbsent(minute, m -> new LatencySummary()).record(Math.max(0, visible - created));
        createdByMinute.computeIfAbsent(minute, m -> new LatencySummary()).record(created);
        visibleByMinute.computeIfAbsent(minute, m -> new LatencySummary()).record(visible);
        visibleByWindow.computeIfAbsent(e.publishedMillis() / 10_000, w -> new LatencySummary()).record(visible);
        found++;
      }
    } else if (!assetId.isEmpty()) {
      unexpected++;
    }
    return true;
  }

  /** Expected pairs with at least one case (safe to read from any thread). */
  long foundNow() {
    return found;
  }

  /** Pairs (expected or not) that more than one case carries. */
  long doubled() {
    return casesByPair.values().stream().filter(ids -> ids.size() > 1).count();
  }

  long expectedCount() {
    return expected.size();
  }

  /** Cases for a listing and asset the bench did not expect (a genuine or unrelated listing, or a second mark). */
  long unexpected() {
    return unexpected;
  }

  /** {@code case.updated} events read from the stream, and how often it was reopened. */
  long events() {
    return events;
  }

  long reconnects() {
    return reconnects;
  }

  long requests() {
    return requests;
  }

  long throttled() {
    return throttled;
  }

  LatencySummary latencies() {
    return latencies;
  }

  /** Publication to the case's createdAt, on the server's clock: the pipeline without this client's paging. */
  LatencySummary createdLatencies() {
    return createdLatencies;
  }

  /** {@link #createdLatencies()} by the minute (from 0) in which the counterfeit was published. */
  java.util.SortedMap<Long, LatencySummary> createdByMinute() {
    return createdByMinute;
  }

  /** From the case's createdAt to its event at this client, by the minute (from 0) of publication. */
  java.util.SortedMap<Long, LatencySummary> afterCreatedByMinute() {
    return afterCreatedByMinute;
  }

  /** How many cases the ingestion transactions seen on the stream opened, one value per transaction. */
  LatencySummary casesPerTransaction() {
    LatencySummary out = new LatencySummary();
    byTransaction.values().forEach(t -> out.record(t[0]));
    return out;
  }

  /** From each ingestion transaction's start (its cases' createdAt) to its first case event at this client. */
  LatencySummary transactionToFirstEvent() {
    LatencySummary out = new LatencySummary();
    byTransaction.forEach((createdAt, t) -> out.record(Math.max(0, t[1] - Instant.parse(createdAt).toEpochMilli())));
    return out;
  }

  /** {@link #latencies()} by the minute (from 0) in which the counterfeit was published. */
  java.util.SortedMap<Long, LatencySummary> visibleByMinute() {
    return visibleByMinute;
  }

  /** The 10-second windows of publication whose client-side p99 exceeded {@code millis}, keyed by their start. */
  java.util.SortedMap<Instant, LatencySummary> slowWindows(long millis) {
    java.util.SortedMap<Instant, LatencySummary> out = new java.util.TreeMap<>();
    visibleByWindow.forEach((w, l) -> {
      if (l.percentile(99) > millis) {
        out.put(Instant.ofEpochMilli(w * 10_000), l);
      }
    });
    return out;
  }

  /** {@link #createdLatencies()} of the counterfeits published after the first minute (the stack warmed up). */
  LatencySummary createdAfterFirstMinute() {
    LatencySummary all = new LatencySummary();
    createdByMinute.tailMap(1L).values().forEach(all::addAll);
    return all;
  }
}
