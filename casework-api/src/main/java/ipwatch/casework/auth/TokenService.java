package ipwatch.casework.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import ipwatch.casework.CaseworkSettings;
import java.time.Duration;
import java.util.List;

/**
 * Issues and verifies bearer tokens: HS256 only, signature, {@code exp} (required), {@code iss} and {@code aud}
 * checked. Claims: {@code sub} (user), {@code org} (organisation id), {@code role}.
 *
 * <p>The claim checks are repeated here after the library's own, so that a library default changing (say, a missing
 * {@code exp} accepted) cannot widen access silently.
 */
public final class TokenService {
  private static final String ALG = "HS256";
  private final JWTAuth jwt;
  private final CaseworkSettings.Jwt settings;

  public TokenService(Vertx vertx, CaseworkSettings.Jwt settings) {
    this.settings = settings;
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALG).setBuffer(settings.secret()))
        .setJWTOptions(new JWTOptions()
            .setAlgorithm(ALG)
            .setIssuer(settings.issuer())
            .setAudience(List.of(settings.audience()))));
  }

  private static final int CACHE_MAX = 10_000;
  private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record Verified(TokenClaims claims, long exp) {}

  /**
   * The verified claims, or a failed future with {@link InvalidTokenException} (never the library's reason). A token
   * verified before is answered from a bounded cache keyed by the exact token text until its {@code exp}: the same
   * bytes verify the same way, so only the expiry needs re-checking.
   */
  public Future<TokenClaims> verify(String token) {
    Verified v = verified.get(token);
    if (v != null) {
      if (v.exp() > System.currentTimeMillis() / 1000) {
        return Future.succeededFuture(v.claims());
      }
      verified.remove(token);
    }
    return verifyUncached(token);
  }

  private Future<TokenClaims> verifyUncached(String token) {
    return jwt.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new InvalidTokenException("rejected by verifier: " + e.getMessage())))
        .compose(user -> {
          try {
            // Vert.x keeps the decoded payload in the user's attributes; the principal holds the raw token
            JsonObject payload = user.attributes().getJsonObject("accessToken", user.principal());
            TokenClaims claims = checkClaims(payload);
            if (verified.size() >= CACHE_MAX) {
              verified.clear();
            }
            verified.put(token, new Verified(claims, payload.getLong("exp")));
            return Future.succeededFuture(claims);
          } catch (InvalidTokenException e) {
            return Future.failedFuture(e);
          }
        });
  }

  public String issue(String userId, String orgId, Role role, Duration ttl) {
    JsonObject claims = new JsonObject().put("sub", userId).put("org", orgId).put("role", role.name());
    return jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm(ALG)
        .setIssuer(settings.issuer())
        .setAudience(List.of(settings.audience()))
        .setExpiresInSeconds(Math.toIntExact(ttl.toSeconds())));
  }

  private TokenClaims checkClaims(JsonObject p) {
    long now = System.currentTimeMillis() / 1000;
    if (!(p.getValue("exp") instanceof Number exp) || exp.longValue() <= now) {
      throw new InvalidTokenException("missing or past exp");
    }
    if (!settings.issuer().equals(p.getValue("iss"))) {
      throw new InvalidTokenException("wrong iss");
    }
    Object aud = p.getValue("aud");
    boolean audOk = aud instanceof JsonArray a ? a.contains(settings.audience()) : settings.audience().equals(aud);
    if (!audOk) {
      throw new InvalidTokenException("wrong aud");
    }
    String sub = text(p, "sub");
    String org = text(p, "org");
    Role role;
    try {
      role = Role.valueOf(text(p, "role"));
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("unknown role");
    }
    return new TokenClaims(sub, org, role);
  }

  private static String text(JsonObject p, String claim) {
    if (p.getValue(claim) instanceof String s && !s.isBlank()) {
      return s;
    }
    throw new InvalidTokenException("missing claim " + claim);
  }

  /** What a verified token says. */
  public record TokenClaims(String userId, String orgId, Role role) {}

  /** The token is not acceptable; the message is for the server log only. */
  public static final class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
      super(message, null, false, false);
    }
  }
}
