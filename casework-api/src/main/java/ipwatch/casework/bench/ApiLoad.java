package ipwatch.casework.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for a running casework-api, meant to run in its own process on the same host (loopback):
 * {@code ApiLoad --url http://127.0.0.1:8080 [--seconds 15] [--concurrency 32]}. It takes the demo tokens from
 * {@code /api/demo/tokens} (demo mode, loopback only), then runs two closed-loop phases, each bounded in time:
 * authorised case reads (GET /api/cases/{id} as the owning rights holder: authentication, party-scoped row, audit
 * trail, deadlines) and workflow transitions (confirm, send_notice, remove, counter_notice, escalate on DETECTED US
 * cases, one at a time per case, each its own transaction with audit event, timers and outbox rows). Prints
 * throughput and latency percentiles per phase. The server's rate limit must be raised for the run
 * (IPWATCH_HTTP_RATE_LIMIT_PER_SECOND); cases must exist (DETECTED, owned by the demo rights holder, jurisdiction
 * US), e.g. from {@code BenchServer} or flags on the infringements topic.
 */
public final class ApiLoad {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;
  private final Map<String, String> tokens;

  private ApiLoad(String url, Map<String, String> tokens) {
    this.url = url;
    this.tokens = tokens;
  }

  public static void main(String[] args) throws Exception {
    String url = arg(args, "--url", "http://127.0.0.1:8080");
    int seconds = Integer.parseInt(arg(args, "--seconds", "15"));
    int concurrency = Integer.parseInt(arg(args, "--concurrency", "32"));
    HttpClient c = HttpClient.newHttpClient();
    JsonArray list = new JsonObject(c.send(HttpRequest.newBuilder(URI.create(url + "/api/demo/tokens")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).getJsonArray("tokens");
    Map<String, String> tokens = new java.util.HashMap<>();
    list.forEach(t -> tokens.put(((JsonObject) t).getString("key"), ((JsonObject) t).getString("token")));
    ApiLoad load = new ApiLoad(url, tokens);
    List<String> ids = load.caseIds();
    System.out.printf("casework-api load: %s, %d cases, concurrency %d, %d s per phase%n", url, ids.size(),
        concurrency, seconds);
    load.reads(ids, concurrency, Duration.ofSeconds(seconds)).print("authorised case reads");
    load.transitions(ids, concurrency, Duration.ofSeconds(seconds)).print("workflow transitions");
  }

  private static String arg(String[] args, String name, String def) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return def;
  }

  private List<String> caseIds() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int page = 1; page <= 100; page++) {
      JsonObject p = new JsonObject(send(get("/api/cases?status=DETECTED&size=100&page=" + page,
          tokens.get("rights-holder"))).body());
      p.getJsonArray("items").forEach(i -> ids.add(((JsonObject) i).getString("id")));
      if (p.getJsonArray("items").size() < 100) {
        break;
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException("no DETECTED cases of the demo rights holder to work on");
    }
    return ids;
  }

  private HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(10)).build();
  }

  private HttpResponse<String> send(HttpRequest r) throws Exception {
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  /** Latencies in microseconds of one phase, plus error count and elapsed time. */
  record Result(long[] micros, int count, int errors, long elapsedNanos) {
    void print(String name) {
      long[] l = Arrays.copyOf(micros, count);
      Arrays.sort(l);
      double secs = elapsedNanos / 1e9;
      System.out.printf("%-24s %8d ok %5d errors %9.0f /s   p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", name,
          count, errors, count / secs, pct(l, 0.50), pct(l, 0.99), l.length == 0 ? 0 : l[l.length - 1] / 1000.0);
    }

    private static double pct(long[] sorted, double p) {
      return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]
          / 1000.0;
    }
  }

  private Result reads(List<String> ids, int concurrency, Duration d) throws Exception {
    String token = tokens.get("rights-holder");
    return closedLoop(concurrency, d, () -> get("/api/cases/" + ids.get(ThreadLocalRandom.current()
        .nextInt(ids.size())), token));
  }

  private static final String[][] PATH = {{"rights-holder", "confirm"}, {"rights-holder", "send_notice"},
      {"platform", "remove"}, {"platform", "counter_notice"}, {"rights-holder", "escalate"}};

  private Result transitions(List<String> ids, int concurrency, Duration d) throws Exception {
    // each case walks the path; a case is held by one worker at a time, so its steps never race
    ConcurrentLinkedQueue<int[]> work = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < ids.size(); i++) {
      work.add(new int[] {i, 0});
    }
    JsonObject notice = new JsonObject().put("signature", "/Bench/").put("explanation", "benchmark notice")
        .put("notifierName", "Bench").put("notifierEmail", "bench@example.org").put("goodFaith", true)
        .put("accuracyUnderPenaltyOfPerjury", true);
    JsonObject counter = new JsonObject().put("signature", "/S/").put("declarantName", "S")
        .put("declarantAddress", "1 Main St").put("declarantPhone", "+1 555 0100").put("goodFaithMistake", true)
        .put("consentToJurisdiction", true);
    return closedLoop(concurrency, d, new java.util.function.Supplier<>() {
      @Override
      public HttpRequest get() {
        int[] item = work.poll();
        if (item == null) {
          return null;
        }
        String[] step = PATH[item[1]];
        JsonObject body = new JsonObject().put("action", step[1]).put("reason", "bench");
        if (step[1].equals("send_notice")) {
          body.put("details", notice);
        } else if (step[1].equals("counter_notice")) {
          body.put("details", counter);
        }
        if (item[1] + 1 < PATH.length) {
          work.add(new int[] {item[0], item[1] + 1});
        }
        return HttpRequest.newBuilder(URI.create(url + "/api/cases/" + ids.get(item[0]) + "/transitions"))
            .header("Authorization", "Bearer " + tokens.get(step[0])).header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
      }
    });
  }

  /** {@code concurrency} requests in flight until {@code d} has passed or the supplier runs dry. */
  private Result closedLoop(int concurrency, Duration d, java.util.function.Supplier<HttpRequest> next)
      throws Exception {
    long[] micros = new long[5_000_000];
    AtomicInteger count = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + d.toNanos();
    AtomicLong lastDone = new AtomicLong(start);
    List<CompletableFuture<Void>> loops = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      loops.add(loop(next, end, micros, count, errors, lastDone));
    }
    CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
    return new Result(micros, Math.min(count.get(), micros.length), errors.get(), lastDone.get() - start);
  }

  private CompletableFuture<Void> loop(java.util.function.Supplier<HttpRequest> next, long end, long[] micros,
      AtomicInteger count, AtomicInteger errors, AtomicLong lastDone) {
    HttpRequest r;
    synchronized (next) {
      r = System.nanoTime() < end ? next.get() : null;
    }
    if (r == null) {
      return CompletableFuture.completedFuture(null);
    }
    long t0 = System.nanoTime();
    return http.sendAsync(r, HttpResponse.BodyHandlers.discarding()).handle((resp, e) -> {
      long now = System.nanoTime();
      lastDone.accumulateAndGet(now, Math::max);
      if (e != null || resp.statusCode() >= 300) {
        errors.incrementAndGet();
      } else {
        int i = count.getAndIncrement();
        if (i < micros.length) {
          micros[i] = (now - t0) / 1000;
        }
      }
      return null;
    }).thenCompose(v -> loop(next, end, micros, count, errors, lastDone));
  }
}
