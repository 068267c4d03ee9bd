package ipwatch.casework.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a receiver runs before trusting a webhook (the demo platform receiver uses it; platforms can copy it):
 * the three Standard Webhooks headers must be present, the timestamp within ±{@code tolerance} of the receiver's
 * clock (replay protection), and at least one {@code v1} signature in the header must equal the HMAC computed with
 * one of the receiver's secrets, compared in constant time. Signatures of other versions (e.g. {@code v1a}) are
 * skipped, not failed. De-duplication by {@code webhook-id} remains the receiver's job.
 */
public final class WebhookVerifier {
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  private final List<byte[]> keys = new ArrayList<>();
  private final Duration tolerance;
  private final Clock clock;

  public WebhookVerifier(List<String> secrets, Duration tolerance, Clock clock) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one secret is needed");
    }
    secrets.forEach(s -> keys.add(WebhookSignature.key(s)));
    this.tolerance = tolerance;
    this.clock = clock;
  }

  public static WebhookVerifier of(String... secrets) {
    return new WebhookVerifier(List.of(secrets), DEFAULT_TOLERANCE, Clock.systemUTC());
  }

  /** Verifies with headers looked up case-insensitively in {@code headers}. */
  public void verify(Map<String, String> headers, byte[] body) throws WebhookVerificationException {
    verify(name -> {
      for (var e : headers.entrySet()) {
        if (e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
          return e.getValue();
        }
      }
      return null;
    }, body);
  }

  /** Verifies with a header lookup (lower-case names, e.g. a Vert.x or JDK request's getHeader). */
  public void verify(Function<String, String> header, byte[] body) throws WebhookVerificationException {
    String id = required(header, WebhookSignature.HEADER_ID);
    String ts = required(header, WebhookSignature.HEADER_TIMESTAMP);
    String signatures = required(header, WebhookSignature.HEADER_SIGNATURE);
    long timestamp;
    try {
      timestamp = Long.parseLong(ts.trim());
    } catch (NumberFormatException e) {
      throw new WebhookVerificationException("invalid webhook-timestamp");
    }
    long now = clock.instant().getEpochSecond();
    if (timestamp < now - tolerance.toSeconds()) {
      throw new WebhookVerificationException("message timestamp too old");
    }
    if (timestamp > now + tolerance.toSeconds()) {
      throw new WebhookVerificationException("message timestamp too new");
    }
    boolean sawV1 = false;
    for (String sig : signatures.trim().split(" +")) {
      int comma = sig.indexOf(',');
      if (comma < 0 || !sig.substring(0, comma).equals("v1")) {
        continue;
      }
      sawV1 = true;
      byte[] given;
      try {
        given = Base64.getDecoder().decode(sig.substring(comma + 1).getBytes(StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException e) {
        continue;
      }
      for (byte[] key : keys) {
        if (MessageDigest.isEqual(WebhookSignature.hmac(key, id, timestamp, body), given)) {
          return;
        }
      }
    }
    throw new WebhookVerificationException(sawV1 ? "no matching signature found" : "no v1 signature in header");
  }

  private static String required(Function<String, String> header, String name) throws WebhookVerificationException {
    String v = header.apply(name);
    if (v == null || v.isBlank()) {
      throw new WebhookVerificationException("missing required header " + name);
    }
    return v;
  }
}
