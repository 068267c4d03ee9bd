package ipwatch.casework.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0.0 symmetric signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed with a
 * {@code whsec_<base64>} secret. With several active secrets (rotation) the header carries one signature per secret,
 * space-separated, so a receiver holding either the old or the new secret accepts the message.
 */
public final class WebhookSignature {
  public static final String PREFIX = "whsec_";
  public static final String HEADER_ID = "webhook-id";
  public static final String HEADER_TIMESTAMP = "webhook-timestamp";
  public static final String HEADER_SIGNATURE = "webhook-signature";
  /** The spec asks for 24 to 64 random bytes; 32 matches the HMAC-SHA256 block of security. */
  private static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new random secret, {@code whsec_} + base64 of 32 bytes. */
  public static String newSecret() {
    byte[] key = new byte[SECRET_BYTES];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The key bytes of a secret, with or without the {@code whsec_} prefix. */
  public static byte[] key(String secret) {
    String b64 = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a webhook secret must be base64, optionally prefixed with whsec_");
    }
  }

  /** The raw HMAC-SHA256 over {@code id.timestamp.body} (the exact bytes sent). */
  static byte[] hmac(byte[] key, String msgId, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** One signature, {@code v1,<base64>}. */
  public static String sign(String secret, String msgId, long timestamp, byte[] body) {
    return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), msgId, timestamp, body));
  }

  /** The {@code webhook-signature} header value: one {@code v1} signature per active secret. */
  public static String header(List<String> secrets, String msgId, long timestamp, byte[] body) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("no active secret to sign with");
    }
    StringJoiner j = new StringJoiner(" ");
    for (String s : secrets) {
      j.add(sign(s, msgId, timestamp, body));
    }
    return j.toString();
  }
}
