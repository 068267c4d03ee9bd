package ipwatch.crawl.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one fetch (after redirects). {@code finalUrl} is where the body came from. {@code retryAfter} is set
 * when the server said when to come back (429/503). {@code detail} explains a non-OK outcome in words for the error
 * record.
 */
public record FetchResult(
    Outcome outcome,
    URI requestedUrl,
    URI finalUrl,
    int status,
    String contentType,
    byte[] body,
    Validators validators,
    boolean noFollow,
    Optional<Duration> retryAfter,
    String detail) {

  public enum Outcome {
    OK,
    NOT_MODIFIED,
    /** 429, 503, other 5xx, timeouts and connection failures: worth another try later. */
    RETRYABLE,
    /** 4xx, redirect loops, limits: trying again will not help. */
    FAILED,
    /** Not a content type we parse (or a redirect to a URL we may not fetch): nothing to record. */
    SKIPPED
  }

  public boolean ok() {
    return outcome == Outcome.OK;
  }

  public static FetchResult of(Outcome outcome, URI requested, URI last, int status, String detail) {
    return new FetchResult(outcome, requested, last, status, null, new byte[0], Validators.NONE, false,
        Optional.empty(), detail);
  }
}
