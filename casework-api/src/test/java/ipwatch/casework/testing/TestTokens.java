package ipwatch.casework.testing;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-made JWTs, including the malformed and malicious ones a real verifier must refuse. */
public final class TestTokens {
  public static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";
  public static final String ISSUER = "ipwatch";
  public static final String AUDIENCE = "ipwatch-casework";

  private TestTokens() {}

  public static JsonObject claims(String org, String role, long expiresInSeconds) {
    long now = System.currentTimeMillis() / 1000;
    return new JsonObject().put("sub", "user-1").put("org", org).put("role", role).put("iss", ISSUER)
        .put("aud", AUDIENCE).put("iat", now - 60).put("exp", now + expiresInSeconds);
  }

  public static String hs256(JsonObject claims, String secret) {
    String signingInput = b64(new JsonObject().put("alg", "HS256").put("typ", "JWT").encode()) + "."
        + b64(claims.encode());
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(signingInput, secret));
  }

  public static String algNone(JsonObject claims) {
    return b64(new JsonObject().put("alg", "none").put("typ", "JWT").encode()) + "." + b64(claims.encode()) + ".";
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(String input, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
