package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import ipwatch.casework.auth.Organisation;
import ipwatch.casework.auth.Organisations;
import ipwatch.casework.auth.Role;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestTokens;
import ipwatch.model.Trademark;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint with an object id × every role × {own, foreign, missing} object (OWASP API1/API5). "Own" is an
 * object the role legitimately sees; "foreign" exists but belongs to nobody of that role; "missing" does not exist.
 * Foreign and missing must answer the same 404 (or, where the role may never call the endpoint, the same 403).
 */
class AuthorizationMatrixIT {
  private static CaseworkFixture f;
  private static final Map<String, String> TOKENS = new LinkedHashMap<>();
  /** The case every role sees: Nordvik's, US, on demo-market, notice sent, referred to the demo court. */
  private static UUID shared;
  /** A case no tested role sees: Lumora's, JP, on another marketplace, never noticed or referred. */
  private static UUID foreign;

  /** The demo platform's webhook endpoint and a delivery to it; another platform's endpoint and delivery. */
  private static String ownEndpoint;
  private static String ownDelivery;
  private static String foreignEndpoint;
  private static String foreignDelivery;
  /** The rights holder's own webhook endpoint and delivery (alert subscriptions point there); Lumora's subscription. */
  private static String holderEndpoint;
  private static String holderDelivery;
  private static String foreignSubscription;

  private enum Obj { OWN, FOREIGN, MISSING }

  /** One endpoint: how to call it for an object, and the expected status per role as own/foreign/missing. */
  private record Row(String method, String template, Supplier<String> body, Map<String, int[]> expected) {}

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
    Await.result(new Organisations(f.pool).upsert(new Organisation("org-admin", "Admin", Role.ADMIN, null,
        List.of("US", "CN", "EU"))));
    for (String r : List.of("regulator", "court", "rights-holder", "platform")) {
      TOKENS.put(r, f.token(r));
    }
    TOKENS.put("admin", TestTokens.hs256(TestTokens.claims("org-admin", "ADMIN", 3600), TestTokens.SECRET));
    Await.result(new RegistryStore(f.pool).upsert(List.of(new Trademark("tm-lumora-jp", "org-lumora", "LUMORA",
        List.of(9), List.of("JP"), List.of(), List.of()))));
    shared = f.open("US");
    f.ok("rights-holder", shared, "confirm", null);
    f.ok("rights-holder", shared, "send_notice", CaseworkFixture.usNotice());
    f.ok("platform", shared, "remove", null);
    f.ok("platform", shared, "counter_notice", CaseworkFixture.usCounterNotice());
    f.ok("rights-holder", shared, "refer", null);
    foreign = f.openFor("tm-lumora-jp", "org-lumora", "other-market");
    ownEndpoint = ipwatch.casework.testing.TestApi.json(f.api.post("/api/webhooks/endpoints", TOKENS.get("platform"),
        new JsonObject().put("url", "https://93.184.216.34/ipwatch-hook")), 201).getString("id");
    Await.result(new Organisations(f.pool).upsert(new Organisation("org-other-platform", "Other Market",
        Role.PLATFORM, "other-market", List.of())));
    foreignEndpoint = UUID.randomUUID().toString();
    Await.result(f.pool.preparedQuery("INSERT INTO webhook_endpoints (id, org_id, url, enabled, created_at,"
        + " updated_at) VALUES ($1, 'org-other-platform', 'https://93.184.216.34/other', true, now(), now())")
        .execute(io.vertx.sqlclient.Tuple.of(UUID.fromString(foreignEndpoint))));
    ipwatch.casework.testing.TestApi.json(f.api.call("POST", "/api/cases/" + shared + "/evidence",
        TOKENS.get("rights-holder"), upload()), 201);
    ownDelivery = delivery(ownEndpoint, -1);
    foreignDelivery = delivery(foreignEndpoint, -2);
    holderEndpoint = ipwatch.casework.testing.TestApi.json(f.api.post("/api/webhooks/endpoints",
        TOKENS.get("rights-holder"), new JsonObject().put("url", "https://93.184.216.34/nordvik-alerts")), 201)
        .getString("id");
    holderDelivery = delivery(holderEndpoint, -3);
    foreignSubscription = ipwatch.casework.testing.TestApi.json(f.api.post("/api/subscriptions",
        f.token("rights-holder-2"), new JsonObject().put("events", new io.vertx.core.json.JsonArray()
            .add("CASE_OPENED")).put("channel", "sse")), 201).getString("id");
  }

  private static String delivery(String endpoint, long outboxId) {
    return String.valueOf(Await.result(f.pool.preparedQuery("INSERT INTO webhook_deliveries (msg_id, outbox_id,"
            + " endpoint_id, event_type, body, status, next_attempt_at, created_at) VALUES ($1, $2, $3,"
            + " 'takedown_notice.created', '{}', 'DELIVERED', now(), now()) RETURNING id")
        .execute(io.vertx.sqlclient.Tuple.of("msg_" + UUID.randomUUID().toString().replace("-", ""), outboxId,
            UUID.fromString(endpoint)))).iterator().next().getLong(0));
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static Map<String, int[]> all(int own) {
    return roles(own, own, own, own, own);
  }

  /** Expected own status per role (regulator, court, rights-holder, platform, admin); foreign/missing = 404. */
  private static Map<String, int[]> roles(int regulator, int court, int rightsHolder, int platform, int admin) {
    Map<String, int[]> m = new LinkedHashMap<>();
    int[] own = {regulator, court, rightsHolder, platform, admin};
    String[] names = {"regulator", "court", "rights-holder", "platform", "admin"};
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], own[i] == 403 ? new int[] {403, 403, 403} : new int[] {own[i], 404, 404});
    }
    return m;
  }

  private static String upload() {
    return new JsonObject().put("kind", "DOCUMENT").put("name", "purchase.txt").put("contentType", "text/plain")
        .put("contentBase64", Base64.getEncoder().encodeToString(("receipt " + UUID.randomUUID()).getBytes()))
        .encode();
  }

  private static String trademark() {
    return new JsonObject().put("type", "TRADEMARK").put("mark", "NORDVIK").put("niceClasses", List.of(25))
        .put("jurisdictions", List.of("US")).encode();
  }

  private static List<Row> matrix() {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("GET", "/api/cases/{id}", null, all(200)));
    // confirm is never legal in REFERRED: 409 for the one role that may confirm, 403 for the others on a case they
    // see; the case is loaded under the party scope first, so foreign and missing stay 404 for everyone
    Map<String, int[]> confirm = new LinkedHashMap<>();
    for (String r : List.of("regulator", "court", "platform", "admin")) {
      confirm.put(r, new int[] {403, 404, 404});
    }
    confirm.put("rights-holder", new int[] {409, 404, 404});
    rows.add(new Row("POST", "/api/cases/{id}/transitions",
        () -> new JsonObject().put("action", "confirm").encode(), confirm));
    rows.add(new Row("GET", "/api/cases/{id}/comments", null, all(200)));
    rows.add(new Row("POST", "/api/cases/{id}/comments",
        () -> new JsonObject().put("body", "noted").encode(), all(201)));
    rows.add(new Row("PUT", "/api/cases/{id}/assignee",
        () -> new JsonObject().put("assignee", "demo-rights-holder").encode(), roles(403, 403, 200, 403, 403)));
    rows.add(new Row("GET", "/api/cases/{id}/seller", null, all(200)));
    rows.add(new Row("PUT", "/api/cases/{id}/seller",
        () -> new JsonObject().put("identifiers", new JsonObject().put("email", "s@x.example")).encode(),
        roles(403, 403, 403, 200, 403)));
    rows.add(new Row("GET", "/api/cases/{id}/evidence", null, all(200)));
    rows.add(new Row("POST", "/api/cases/{id}/evidence", AuthorizationMatrixIT::upload, all(201)));
    rows.add(new Row("GET", "/api/cases/{id}/evidence/export", null, all(200)));
    rows.add(new Row("GET", "/api/cases/{id}/notice", null, all(200)));
    rows.add(new Row("GET", "/api/cases/{id}/network", null, all(200)));
    rows.add(new Row("GET", "/api/registry/assets/{assetId}", null, roles(403, 403, 200, 403, 403)));
    rows.add(new Row("GET", "/api/registry/assets/{assetId}/versions", null, roles(403, 403, 200, 403, 403)));
    Map<String, int[]> put = roles(403, 403, 200, 403, 403);
    put.put("rights-holder", new int[] {200, 404, 200}); // PUT on a missing id creates the asset
    rows.add(new Row("PUT", "/api/registry/assets/{assetId}", AuthorizationMatrixIT::trademark, put));
    rows.add(new Row("DELETE", "/api/registry/assets/{assetId}", null, roles(403, 403, 200, 403, 403)));
    Map<String, int[]> accuracy = new LinkedHashMap<>();
    for (String r : List.of("regulator", "court", "platform", "admin")) {
      accuracy.put(r, new int[] {200, 200, 200}); // scoped statistics of any notifier
    }
    accuracy.put("rights-holder", new int[] {200, 404, 404}); // its own record only
    rows.add(new Row("GET", "/api/notifiers/{orgId}/accuracy", null, accuracy));
    // webhook endpoints: platforms' and rights holders' own; other roles may never use them
    rows.add(new Row("GET", "/api/webhooks/endpoints/{endpointId}", null, roles(403, 403, 200, 200, 403)));
    rows.add(new Row("PATCH", "/api/webhooks/endpoints/{endpointId}",
        () -> new JsonObject().put("description", "takedowns").encode(), roles(403, 403, 200, 200, 403)));
    rows.add(new Row("POST", "/api/webhooks/endpoints/{endpointId}/secrets",
        () -> new JsonObject().put("graceSeconds", 60).encode(), roles(403, 403, 201, 201, 403)));
    rows.add(new Row("GET", "/api/webhooks/endpoints/{endpointId}/deliveries", null, roles(403, 403, 200, 200, 403)));
    // the owners' deliveries were delivered, so it cannot be replayed (409 after the scoped load)
    rows.add(new Row("POST", "/api/webhooks/deliveries/{deliveryId}/replay", () -> "{}",
        roles(403, 403, 409, 409, 403)));
    // alert subscriptions: a rights holder's own
    rows.add(new Row("GET", "/api/subscriptions/{subscriptionId}", null, roles(403, 403, 200, 403, 403)));
    rows.add(new Row("DELETE", "/api/subscriptions/{subscriptionId}", null, roles(403, 403, 204, 403, 403)));
    // the evidence item's stored bytes (item 1 of the shared case, uploaded at set-up)
    rows.add(new Row("GET", "/api/cases/{id}/evidence/{itemId}/content", null, all(200)));
    // administration: ADMIN only; an admin sees every organisation, so "foreign" (Lumora) is as visible as "own"
    Map<String, int[]> admin = roles(403, 403, 403, 403, 200);
    admin.put("admin", new int[] {200, 200, 404});
    rows.add(new Row("GET", "/api/admin/organisations/{orgId}/users", null, admin));
    Map<String, int[]> adminCreate = roles(403, 403, 403, 403, 201);
    adminCreate.put("admin", new int[] {201, 201, 404});
    rows.add(new Row("POST", "/api/admin/organisations/{orgId}/users", AuthorizationMatrixIT::newUser, adminCreate));
    rows.add(new Row("POST", "/api/admin/organisations/{orgId}/users/{userId}/tokens", null, adminCreate));
    return rows;
  }

  private static String newUser() {
    String id = "u-" + UUID.randomUUID().toString().substring(0, 8);
    return new JsonObject().put("id", id).put("name", "User " + id).put("email", id + "@example.org").encode();
  }

  private static String path(String template, Obj o, String role) {
    String caseId = switch (o) {
      case OWN -> shared.toString();
      case FOREIGN -> foreign.toString();
      case MISSING -> UUID.randomUUID().toString();
    };
    String asset = switch (o) {
      case OWN -> template.startsWith("/api/registry") && role.equals("rights-holder") ? ownAsset() : "tm-us";
      case FOREIGN -> "tm-lumora-jp";
      case MISSING -> "tm-missing-" + UUID.randomUUID().toString().substring(0, 8);
    };
    String org = switch (o) {
      case OWN -> "org-nordvik";
      case FOREIGN -> "org-lumora";
      case MISSING -> "org-missing";
    };
    String endpoint = switch (o) {
      case OWN -> role.equals("rights-holder") ? holderEndpoint : ownEndpoint;
      case FOREIGN -> foreignEndpoint;
      case MISSING -> UUID.randomUUID().toString();
    };
    boolean holder = role.equals("rights-holder");
    String subscription = switch (o) {
      case OWN -> holder && template.startsWith("/api/subscriptions") ? ownSubscription() : foreignSubscription;
      case FOREIGN -> foreignSubscription;
      case MISSING -> UUID.randomUUID().toString();
    };
    String delivery = switch (o) {
      case OWN -> holder ? holderDelivery : ownDelivery;
      case FOREIGN -> foreignDelivery;
      case MISSING -> "987654321";
    };
    String user = switch (o) {
      case OWN -> "demo-rights-holder";
      case FOREIGN -> "demo-rights-holder-2";
      case MISSING -> "nobody";
    };
    template = template.replace("{itemId}", "1").replace("{userId}", user);
    return template.replace("{subscriptionId}", subscription).replace("{endpointId}", endpoint).replace("{deliveryId}", delivery).replace("{id}", caseId).replace("{assetId}", asset).replace("{orgId}", org);
  }

  /** A fresh subscription of Nordvik per call, so that DELETE on "own" does not remove what GET needs. */
  private static String ownSubscription() {
    return ipwatch.casework.testing.TestApi.json(f.api.post("/api/subscriptions", TOKENS.get("rights-holder"),
        new JsonObject().put("events", new io.vertx.core.json.JsonArray().add("CASE_OPENED")).put("channel", "sse")
            .put("minScore", Math.random())), 201).getString("id");
  }

  /** A fresh asset of Nordvik per call, so that DELETE on "own" does not remove what later rows need. */
  private static String ownAsset() {
    String id = "tm-own-" + UUID.randomUUID().toString().substring(0, 8);
    TestApiCalls.ok(f.api.call("PUT", "/api/registry/assets/" + id, TOKENS.get("rights-holder"), trademark()));
    return id;
  }

  @Test
  void everyEndpointRoleAndObjectAnswersAsTheMatrixSays() {
    List<String> failures = new ArrayList<>();
    for (Row row : matrix()) {
      for (var e : row.expected().entrySet()) {
        String role = e.getKey();
        for (Obj o : Obj.values()) {
          int want = e.getValue()[o.ordinal()];
          String p = path(row.template(), o, role);
          HttpResponse<String> r = f.api.call(row.method(), p, TOKENS.get(role),
              row.body() == null ? null : row.body().get());
          if (r.statusCode() != want) {
            failures.add(row.method() + " " + row.template() + " as " + role + " on " + o + ": " + r.statusCode()
                + " (wanted " + want + ") " + r.body().substring(0, Math.min(200, r.body().length())));
          }
          if (want == 404 || want == 403) {
            assertFalse(r.body().contains("org-lumora") || r.body().contains("other-market"), r.body());
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void collectionEndpointsOfAlertsAndExportsAnswerPerRole() {
    Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
    expected.put("/api/subscriptions", Map.of("regulator", 403, "court", 403, "rights-holder", 200,
        "platform", 403, "admin", 403));
    for (String export : List.of("/api/exports/dsa-statements", "/api/exports/lumen")) {
      expected.put(export, Map.of("regulator", 200, "court", 403, "rights-holder", 403, "platform", 200,
          "admin", 200));
    }
    List<String> failures = new ArrayList<>();
    expected.forEach((path, byRole) -> byRole.forEach((role, want) -> {
      int got = f.api.get(path, TOKENS.get(role)).statusCode();
      if (got != want) {
        failures.add("GET " + path + " as " + role + ": " + got + " (wanted " + want + ")");
      }
    }));
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void theMatrixCoversEveryDocumentedOperationOnAnObject() {
    Set<String> documented = new TreeSet<>();
    for (OpenApiDocument.Op op : OpenApiDocument.OPERATIONS) {
      if (op.authenticated() && op.path().contains("{")) {
        documented.add(op.method().toUpperCase() + " " + op.path());
      }
    }
    Set<String> covered = new TreeSet<>();
    matrix().forEach(r -> covered.add(r.method() + " " + r.template()));
    assertEquals(documented, covered);
  }

  @Test
  void foreignAndMissingCasesAnswerTheSameBody() {
    for (String role : TOKENS.keySet()) {
      JsonObject a = new JsonObject(f.api.get("/api/cases/" + foreign, TOKENS.get(role)).body());
      JsonObject b = new JsonObject(f.api.get("/api/cases/" + UUID.randomUUID(), TOKENS.get(role)).body());
      assertEquals(a.getString("type"), b.getString("type"), role);
      assertEquals(a.getString("message"), b.getString("message"), role);
    }
  }

  @Test
  void topSellerNetworksCountOnlyCasesTheRoleSees() {
    // the shared case's seller and the foreign case's seller, each in a network of its own
    Await.result(f.pool.query("INSERT INTO seller_accounts (account_id, network_id, source) VALUES"
        + " ('demo-market:demo-market:shady-seller', 'op-matrix-shared', 'test'),"
        + " ('other-market:other-market:shady-seller', 'op-matrix-foreign', 'test') ON CONFLICT DO NOTHING")
        .execute());
    for (String role : TOKENS.keySet()) {
      HttpResponse<String> r = f.api.get("/api/networks?limit=100", TOKENS.get(role));
      assertEquals(200, r.statusCode(), role + ": " + r.body());
      assertTrue(r.body().contains("op-matrix-shared"), role + ": " + r.body());
      assertFalse(r.body().contains("op-matrix-foreign") || r.body().contains("other-market"), role + ": " + r.body());
    }
  }

  /** Small helper kept local: a 2xx or the test fails with the body. */
  private static final class TestApiCalls {
    static void ok(HttpResponse<String> r) {
      assertTrue(r.statusCode() / 100 == 2, r.body());
    }
  }
}
