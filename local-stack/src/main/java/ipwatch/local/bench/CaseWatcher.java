package ipwatch.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.local.CaseworkClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the casework API as a client would: the regulator's newest cases, page after page until it reaches cases
 * it has seen, and times each expected case from the moment its listing was published to the moment it is first
 * seen. The case list is ordered by creation time, newest first; a case committed slightly out of order is still
 * caught because paging goes a margin past the newest case of the previous round. The API pages through at most
 * 10,000 results, so a client more than 10,000 cases behind cannot page down to what it saw: it reads the newest
 * 10,000 and moves on, and the cases below are first seen by the final sweep per marketplace, which finds anything the
 * polling missed. Their client-side latency is then the sweep's; the server-side one below is unaffected.
 *
 * <p>Each expected case is also timed on the server's clock, from publication to its {@code createdAt} (the bench and
 * the stack share a machine and a clock): the pipeline's own latency, free of how fast this client pages. The case
 * becomes visible when its ingestion batch commits, at most that batch's duration after {@code createdAt}.
 */
final class CaseWatcher {
  private static final int PAGE = 100;
  /** How deep the API lets a client page (it answers 400 beyond). */
  private static final int MAX_WINDOW = 10_000;
  private static final long MARGIN_MILLIS = 3_000;

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
  private volatile long publishingStartedMillis;
  private final java.util.Set<String> ignored = ConcurrentHashMap.newKeySet();
  private volatile long found;
  private long newestCreatedMillis;
  private long unexpected;
  private long requests;
  private long throttled;

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

  /** One round over the newest cases; answers how many new cases it saw. */
  int poll() throws Exception {
    long stopBelow = newestCreatedMillis - MARGIN_MILLIS;
    long newest = newestCreatedMillis;
    int fresh = 0;
    for (int page = 1; page * PAGE <= MAX_WINDOW; page++) {
      JsonNode items = page("/api/cases?page=" + page + "&size=" + PAGE);
      long oldestOnPage = Long.MAX_VALUE;
      for (JsonNode c : items) {
        long created = Instant.parse(c.path("createdAt").asText()).toEpochMilli();
        newest = Math.max(newest, created);
        oldestOnPage = Math.min(oldestOnPage, created);
        fresh += see(c) ? 1 : 0;
      }
      if (items.size() < PAGE || oldestOnPage < stopBelow) {
        break;
      }
    }
    newestCreatedMillis = newest;
    return fresh;
  }

  /** Pages through every marketplace's cases: what polling missed, and the count per listing and asset. */
  void sweep(int marketplaces) throws Exception {
    for (int m = 0; m < marketplaces; m++) {
      for (int page = 1; page * PAGE <= MAX_WINDOW; page++) {
        JsonNode items = page("/api/cases?marketplace=" + SyntheticMarketplace.marketplace(m) + "&page=" + page
            + "&size=" + PAGE);
        items.forEach(this::see);
        if (items.size() < PAGE) {
          break;
        }
      }
    }
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

  private boolean see(JsonNode c) {
    String listingId = c.path("listingId").asText();
    String assetId = c.path("assetId").asText();
    if (ignored.contains(listingId)) {
      return false;
    }
    boolean first = casesByPair.computeIfAbsent(listingId + "|" + assetId, k -> new java.util.HashSet<>())
        .add(c.path("id").asText());
    if (!first) {
      return false;
    }
    Expected e = expected.get(listingId);
    if (e != null && e.assetId().equals(assetId)) {
      if (casesByPair.get(listingId + "|" + assetId).size() == 1) {
        latencies.record(Math.max(0, System.currentTimeMillis() - e.publishedMillis()));
        long created = Math.max(0, Instant.parse(c.path("createdAt").asText()).toEpochMilli() - e.publishedMillis());
        createdLatencies.record(created);
        long minute = Math.max(0, (e.publishedMillis() - publishingStartedMillis) / 60_000);
        createdByMinute.computeIfAbsent(minute, m -> new LatencySummary()).record(created);
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

  /** {@link #createdLatencies()} of the counterfeits published after the first minute (the stack warmed up). */
  LatencySummary createdAfterFirstMinute() {
    LatencySummary all = new LatencySummary();
    createdByMinute.tailMap(1L).values().forEach(all::addAll);
    return all;
  }
}
