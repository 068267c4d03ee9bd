package ipwatch.casework.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.auth.Organisations;
import ipwatch.casework.auth.TokenService;

/**
 * First step of every protected route: verifies the bearer token and loads the caller's organisation. The token's
 * {@code org} and {@code role} must match a stored organisation; from here on, scoping uses the stored one only.
 */
public final class Authenticate implements Handler<RoutingContext> {
  private static final String CALLER = "caller";
  private final TokenService tokens;
  private final Organisations organisations;

  public Authenticate(TokenService tokens, Organisations organisations) {
    this.tokens = tokens;
    this.organisations = organisations;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 8_192) {
      ctx.fail(new ApiException(ErrorType.UNAUTHORIZED));
      return;
    }
    // hold any body until the BodyHandler after us reads it (and only once we know who is sending it)
    ctx.request().pause();
    tokens.verify(header.substring(7).trim())
        .compose(claims -> organisations.findCached(claims.orgId())
            .compose(org -> org.isPresent() && org.get().role() == claims.role()
                ? Future.succeededFuture(new Caller(claims.userId(), org.get()))
                : Future.failedFuture(new TokenService.InvalidTokenException("organisation unknown or role differs"))))
        .onSuccess(caller -> {
          ctx.put(CALLER, caller);
          ctx.next();
        })
        .onFailure(e -> ctx.fail(e instanceof TokenService.InvalidTokenException
            ? new ApiException(ErrorType.UNAUTHORIZED)
            : e));
  }

  public static Caller caller(RoutingContext ctx) {
    Caller c = ctx.get(CALLER);
    if (c == null) {
      throw new IllegalStateException("route is missing the Authenticate handler");
    }
    return c;
  }
}
