package ipwatch.casework.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import ipwatch.casework.auth.Caller;
import ipwatch.casework.auth.Directory;
import ipwatch.casework.auth.Organisation;
import ipwatch.casework.auth.Role;
import ipwatch.casework.auth.TokenService;
import java.time.Duration;
import java.time.Instant;


/**
 * ADMIN only: organisations and their users (GET/POST /api/admin/organisations, GET/POST
 * /api/admin/organisations/{orgId}/users) and a token for a user (POST .../users/{userId}/tokens) that carries the
 * user's organisation and its role as stored. Every creation and every token issued is an admin_events row.
 */
final class AdminRoutes {
  /** A working day: long enough to use, short enough that a leaked token does not last. */
  static final Duration USER_TOKEN_TTL = Duration.ofHours(12);
  private final Directory directory;
  private final TokenService tokens;

  AdminRoutes(Pool pool, TokenService tokens) {
    this.directory = new Directory(pool);
    this.tokens = tokens;
  }

  void mount(Router api) {
    api.route("/admin/*").handler(Guard.roles(Role.ADMIN));
    api.get("/admin/organisations").handler(this::organisations);
    api.post("/admin/organisations").handler(this::createOrganisation);
    api.get("/admin/organisations/:orgId/users").handler(this::users);
    api.post("/admin/organisations/:orgId/users").handler(this::createUser);
    api.post("/admin/organisations/:orgId/users/:userId/tokens").handler(this::token);
  }

  private static String actor(RoutingContext ctx) {
    Caller c = Authenticate.caller(ctx);
    return "user:" + c.userId() + "@" + c.orgId();
  }

  private void organisations(RoutingContext ctx) {
    directory.organisations().onSuccess(list -> {
      JsonArray items = new JsonArray();
      list.forEach(o -> items.add(Directory.json(o)));
      Responses.ok(ctx, new JsonObject().put("items", items));
    }).onFailure(ctx::fail);
  }

  private void createOrganisation(RoutingContext ctx) {
    JsonObject b = BodySchemas.valid(ctx, "NewOrganisation");
    JsonArray j = b.getJsonArray("jurisdictions", new JsonArray());
    Organisation o = new Organisation(b.getString("id"), b.getString("name").strip(), Role.valueOf(b.getString("role")),
        b.getString("marketplace"), j.stream().map(String::valueOf).toList());
    directory.create(o, actor(ctx))
        .onSuccess(created -> Responses.json(ctx, 201, Directory.json(created)))
        .onFailure(ctx::fail);
  }

  private void users(RoutingContext ctx) {
    directory.users(ctx.pathParam("orgId")).onSuccess(found -> found.ifPresentOrElse(list -> {
      JsonArray items = new JsonArray();
      list.forEach(u -> items.add(u.json()));
      Responses.ok(ctx, new JsonObject().put("items", items));
    }, () -> ctx.fail(ApiException.notFound()))).onFailure(ctx::fail);
  }

  private void createUser(RoutingContext ctx) {
    JsonObject b = BodySchemas.valid(ctx, "NewUser");
    directory.createUser(ctx.pathParam("orgId"), b.getString("id"), b.getString("name").strip(),
            b.getString("email"), actor(ctx))
        .onSuccess(found -> found.ifPresentOrElse(u -> Responses.json(ctx, 201, u.json()),
            () -> ctx.fail(ApiException.notFound())))
        .onFailure(ctx::fail);
  }

  private void token(RoutingContext ctx) {
    String orgId = ctx.pathParam("orgId");
    String userId = ctx.pathParam("userId");
    String actor = actor(ctx);
    directory.organisationOf(orgId, userId)
        .compose(found -> {
          if (found.isEmpty()) {
            throw ApiException.notFound();
          }
          Organisation org = found.get();
          String token = tokens.issue(userId, org.id(), org.role(), USER_TOKEN_TTL);
          Instant expires = Instant.now().plus(USER_TOKEN_TTL);
          // the token itself is never stored or logged
          return directory.audit(actor, "TOKEN_ISSUED", "user:" + userId, new JsonObject().put("orgId", org.id())
                  .put("role", org.role().name()).put("expiresAt", expires.toString()))
              .map(v -> new JsonObject().put("token", token).put("userId", userId).put("orgId", org.id())
                  .put("role", org.role().name()).put("expiresAt", expires.toString()));
        })
        .onSuccess(body -> Responses.json(ctx, 201, body))
        .onFailure(ctx::fail);
  }

}
