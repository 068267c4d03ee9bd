package ipwatch.crawl.fetch;

import ipwatch.crawl.fetch.FetchResult.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One GET with the crawler's limits: redirects followed by hand (so each hop is checked against robots.txt and loops
 * are caught), bodies read up to a byte limit, content types checked before the body is read, timeouts on connect and
 * on the whole response (headers and body: a server that trickles bytes is cut off at the deadline). It never retries; the caller decides with {@link Backoff}.
 */
public final class PageFetcher implements AutoCloseable {
  private static final int HTTP_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
  private final ExecutorService executor;
  private final HttpClient client;
  private final String userAgent;
  private final Duration readTimeout;
  private final long maxBytes;
  private final int maxRedirects;
  private final Clock clock;

  public PageFetcher(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects) {
    AtomicInteger n = new AtomicInteger();
    // Its own small pool for response handling: the default is an unbounded cached pool, which under load grows a
    // thread per response in flight (hundreds against a thousand hosts) and competes with the parsers for the CPU.
    this.executor = Executors.newFixedThreadPool(HTTP_THREADS, r -> {
      Thread t = new Thread(r, "crawler-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder()
        .executor(executor)
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .build();
    this.userAgent = userAgent;
    this.readTimeout = readTimeout;
    this.maxBytes = maxBytes;
    this.maxRedirects = maxRedirects;
    this.clock = Clock.systemUTC();
  }

  /**
   * @param acceptType content types (lower case, without parameters) whose body is wanted
   * @param mayFollow checked for every redirect target (robots.txt, host scope)
   */
  public FetchResult fetch(URI url, Predicate<String> acceptType, Predicate<URI> mayFollow, Validators validators) {
    return fetchAsync(url, acceptType, mayFollow, validators).join();
  }

  /**
   * As {@link #fetch}, without holding a thread while the server answers: the crawler's workers only parse, so a
   * thousand slow hosts do not need a thousand threads. Never completes exceptionally.
   */
  public CompletableFuture<FetchResult> fetchAsync(URI url, Predicate<String> acceptType, Predicate<URI> mayFollow,
      Validators validators) {
    return hop(url, url, acceptType, mayFollow, validators, new HashSet<>(), 0);
  }

  private CompletableFuture<FetchResult> hop(URI url, URI current, Predicate<String> acceptType,
      Predicate<URI> mayFollow, Validators validators, Set<URI> visited, int hop) {
    if (!visited.add(current)) {
      return done(FetchResult.of(Outcome.FAILED, url, current, 0, "redirect loop at " + current));
    }
    if (hop > maxRedirects) {
      return done(FetchResult.of(Outcome.FAILED, url, current, 0, "more than " + maxRedirects + " redirects"));
    }
    return fetchOnce(url, current, acceptType, hop == 0 ? validators : Validators.NONE).thenCompose(r -> {
      if (r.status() < 300 || r.status() >= 400 || r.status() == 304) {
        return done(r);
      }
      Optional<URI> next = Optional.ofNullable(r.detail()).map(current::resolve);
      if (next.isEmpty()) {
        return done(FetchResult.of(Outcome.FAILED, url, current, r.status(), "redirect without Location"));
      }
      if (!mayFollow.test(next.get())) {
        return done(FetchResult.of(Outcome.SKIPPED, url, next.get(), r.status(), "redirect to a URL we may not fetch"));
      }
      return hop(url, next.get(), acceptType, mayFollow, validators, visited, hop + 1);
    });
  }

  private static CompletableFuture<FetchResult> done(FetchResult r) {
    return CompletableFuture.completedFuture(r);
  }

  private CompletableFuture<FetchResult> fetchOnce(URI requested, URI url, Predicate<String> acceptType,
      Validators validators) {
    HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(readTimeout).GET()
        .header("User-Agent", userAgent)
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5");
    if (validators.etag() != null) {
      req.header("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      req.header("If-Modified-Since", validators.lastModified());
    }
    BoundedBody body = new BoundedBody(maxBytes, acceptType);
    CompletableFuture<HttpResponse<byte[]>> exchange;
    try {
      exchange = client.sendAsync(req.build(), body);
    } catch (RuntimeException e) {
      return done(FetchResult.of(Outcome.FAILED, requested, url, 0, "cannot send: " + e));
    }
    // The request timeout above only covers the headers; this deadline covers a body that trickles in, too.
    return exchange.copy().orTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS).handle((resp, e) -> {
      if (e == null) {
        return classify(requested, url, resp, body);
      }
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof TimeoutException) {
        body.cancel();
        exchange.cancel(true);
        return FetchResult.of(Outcome.RETRYABLE, requested, url, 0,
            "timeout: no complete response within " + readTimeout.toMillis() + "ms");
      }
      if (cause instanceof BoundedBody.TooLarge) {
        return FetchResult.of(Outcome.FAILED, requested, url, 200, cause.getMessage());
      }
      if (cause instanceof HttpTimeoutException) {
        return FetchResult.of(Outcome.RETRYABLE, requested, url, 0, "timeout: " + cause.getMessage());
      }
      return FetchResult.of(Outcome.RETRYABLE, requested, url, 0, "I/O error: " + cause);
    });
  }

  private FetchResult classify(URI requested, URI url, HttpResponse<byte[]> resp, BoundedBody body) {
    int status = resp.statusCode();
    var headers = resp.headers();
    if (status >= 300 && status < 400 && status != 304) {
      return FetchResult.of(Outcome.FAILED, requested, url, status, headers.firstValue("Location").orElse(null));
    }
    if (status == 304) {
      return FetchResult.of(Outcome.NOT_MODIFIED, requested, url, status, "not modified");
    }
    if (status == 429 || status >= 500) {
      Optional<Duration> after = RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock);
      return new FetchResult(Outcome.RETRYABLE, requested, url, status, null, new byte[0], Validators.NONE, false,
          after, "HTTP " + status);
    }
    if (status >= 400) {
      return FetchResult.of(Outcome.FAILED, requested, url, status, "HTTP " + status);
    }
    String type = BoundedBody.mediaType(headers.firstValue("Content-Type").orElse(""));
    switch (body.verdict()) {
      case NOT_WANTED:
        return FetchResult.of(Outcome.SKIPPED, requested, url, status, "content type '" + type + "' not crawled");
      case DECLARED_TOO_LARGE:
        return FetchResult.of(Outcome.FAILED, requested, url, status, "page larger than " + maxBytes + " bytes");
      default:
        break;
    }
    Validators v = new Validators(headers.firstValue("ETag").orElse(null),
        headers.firstValue("Last-Modified").orElse(null));
    boolean noFollow = headers.allValues("X-Robots-Tag").stream().anyMatch(PageFetcher::saysNoFollow);
    return new FetchResult(Outcome.OK, requested, url, status, headers.firstValue("Content-Type").orElse(type),
        resp.body(), v, noFollow, Optional.empty(), "OK");
  }

  static boolean saysNoFollow(String directives) {
    String d = directives.toLowerCase(Locale.ROOT);
    return List.of(d.split("[,\\s]+")).stream().anyMatch(t -> t.equals("nofollow") || t.equals("none"));
  }

  /**
   * Call from {@code main} before anything uses the common pool. {@link HttpClient#sendAsync} hands every response to
   * CompletableFuture's default executor; with fewer than 3 CPUs that is not the common pool but a new thread per
   * task, i.e. a thread per response (thousands a minute against a thousand hosts). Two common-pool workers avoid it.
   */
  public static void avoidThreadPerResponse() {
    if (System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism") == null
        && Runtime.getRuntime().availableProcessors() < 3) {
      System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
    }
  }

  /** Stops the response-handling threads (requests still in flight are abandoned). */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
