package ipwatch.casework.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.CaseworkSettings;
import ipwatch.casework.auth.Organisations;
import ipwatch.casework.auth.TokenService;
import ipwatch.casework.cases.CaseCollaboration;
import ipwatch.casework.cases.Cases;
import ipwatch.casework.cases.NotifierAccuracy;
import ipwatch.casework.events.EventHub;
import ipwatch.casework.evidence.EvidenceService;
import ipwatch.casework.registry.RegistryService;
import ipwatch.casework.search.CaseIndex;
import ipwatch.casework.webhooks.WebhookEndpoints;
import ipwatch.casework.workflow.Workflow;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The router: correlation id → security headers → (CORS) → authenticate → body limit → handler, with one failure
 * handler for everything. Deny by default: only /api/health and, in demo mode, /api/demo/tokens skip authentication.
 */
public final class HttpApi {
  private HttpApi() {}

  /** What the routes need; kept in one record so the server and tests wire it the same way. */
  public record Deps(
      Vertx vertx,
      CaseworkSettings.Http http,
      Pool pool,
      TokenService tokens,
      Organisations organisations,
      Cases cases,
      CaseIndex index,
      BooleanSupplier kafkaUp,
      Supplier<String> ingestState,
      Map<String, String> demoTokens,
      Workflow workflow,
      RateLimit rateLimit,
      CaseCollaboration collaboration,
      EvidenceService evidence,
      NotifierAccuracy accuracy,
      RegistryService registry,
      WebhookEndpoints webhooks,
      ipwatch.casework.cases.Notices notices,
      EventHub events) {}

  public static Router router(Deps d) {
    Router root = Router.router(d.vertx());
    root.route().handler(CorrelationId::assign);
    root.route().handler(HttpApi::securityHeaders);
    if (!d.http().corsOrigins().isEmpty()) {
      root.route().handler(CorsHandler.create()
          .addOrigins(d.http().corsOrigins())
          .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
              HttpMethod.DELETE))
          .allowedHeaders(Set.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match",
              CorrelationId.HEADER))
          .exposedHeaders(Set.of(CorrelationId.HEADER)));
    }

    root.get("/api/health").handler(new HealthRoute(d.vertx(), d.pool(), d.index(), d.kafkaUp(),
        d.ingestState())::handle);
    if (!d.demoTokens().isEmpty()) {
      root.get("/api/demo/tokens").handler(new DemoTokensRoute(d.demoTokens())::handle);
    }

    String openApi = OpenApiDocument.document().encode();
    root.get("/api/openapi.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "max-age=300").end(openApi));
    root.get("/api/events").handler(EventRoutes::tokenFromQuery);
    root.route("/api/*").subRouter(apiRouter(d));

    root.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(StaticHandler.create(d.http().webroot())
            .setCachingEnabled(true)
            .setMaxAgeSeconds(300) // the portal's files are not fingerprinted yet: keep a deploy visible within minutes
            .setDirectoryListing(false)
            .setIncludeHidden(false)
            .setIndexPage("index.html"));

    root.route().failureHandler(ErrorMapper::handle);
    for (int status : new int[] {400, 401, 403, 404, 405, 409, 413, 415, 429, 500, 503}) {
      root.errorHandler(status, ErrorMapper::handle);
    }
    return root;
  }

  /**
   * The authenticated API (mounted under /api): authenticate → rate limit → body limit → role guard → handler. Every
   * route is described in {@link OpenApiDocument}; a test compares the two.
   */
  static Router apiRouter(Deps d) {
    Router api = Router.router(d.vertx());
    api.route().handler(new Authenticate(d.tokens(), d.organisations()));
    // after authentication, so anonymous clients cannot make us buffer bodies
    api.route().handler(d.rateLimit());
    api.route().handler(BodyHandler.create(false).setBodyLimit(d.http().maxBodyBytes()));
    new CaseRoutes(d.vertx(), d.cases(), d.index(), new QueryParams(d.http().maxPageSize()), d.workflow()).mount(api);
    new PortalRoutes(d.pool(), d.workflow(), d.evidence()).mount(api); // before WorkflowRoutes: /cases/bulk/...
    new WorkflowRoutes(d.workflow()).mount(api);
    new CaseResourceRoutes(d.collaboration(), d.evidence(), d.accuracy()).mount(api);
    new RegistryRoutes(d.registry()).mount(api);
    new WebhookRoutes(d.webhooks()).mount(api);
    new NoticeRoutes(d.notices()).mount(api);
    new AdminRoutes(d.pool(), d.tokens()).mount(api);
    new NetworkRoutes(new ipwatch.casework.network.SellerNetworks(d.pool())).mount(api);
    new SubscriptionRoutes(d.pool()).mount(api);
    new EventRoutes(d.vertx(), d.events()).mount(api);
    new ExportRoutes(d.pool()).mount(api);
    api.route().failureHandler(ErrorMapper::handle);
    return api;
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    ctx.next();
  }
}
