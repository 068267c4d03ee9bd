package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import ipwatch.casework.CaseworkServer;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import ipwatch.casework.testing.TestPostgres;
import ipwatch.casework.testing.TestServers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Schema validation, mass assignment (OWASP API3), rate limits (API4) and the served OpenAPI document. */
class RequestValidationIT {
  private static CaseworkFixture f;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static void assertCleanError(HttpResponse<String> r) {
    assertFalse(r.body().contains("Exception"), r.body());
    assertFalse(r.body().contains("at io.") || r.body().contains("at ipwatch."), r.body());
    assertFalse(r.body().contains("io.vertx"), r.body());
  }

  @Test
  void aTransitionThatAlsoSetsStatusOrOwnerIsRejectedAndChangesNothing() {
    UUID id = f.open("US");
    for (String extra : new String[] {"status", "ownerOrg", "owner_org", "version", "referredToOrg", "legalHold"}) {
      JsonObject body = new JsonObject().put("action", "confirm").put(extra, "CLOSED");
      HttpResponse<String> r = f.api.post("/api/cases/" + id + "/transitions", f.token("rights-holder"), body);
      JsonObject err = TestApi.json(r, 400);
      assertEquals(3, err.size(), r.body());
      assertCleanError(r);
    }
    JsonObject nested = new JsonObject().put("action", "confirm")
        .put("details", new JsonObject().put("referredToOrg", "org-court"));
    TestApi.json(f.api.post("/api/cases/" + id + "/transitions", f.token("rights-holder"), nested), 400);
    assertEquals("DETECTED", f.status(id));
    assertEquals(null, f.detail("regulator", id).getString("referredToOrg"));
  }

  @Test
  void anAssetBodyCannotChooseItsOwner() {
    JsonObject body = new JsonObject().put("type", "TRADEMARK").put("mark", "X").put("niceClasses",
        java.util.List.of(9)).put("jurisdictions", java.util.List.of("US")).put("owner", "org-lumora");
    HttpResponse<String> r = f.api.call("PUT", "/api/registry/assets/tm-hijack", f.token("rights-holder"),
        body.encode());
    TestApi.json(r, 400);
    TestApi.json(f.api.get("/api/registry/assets/tm-hijack", f.token("rights-holder")), 404);
  }

  @Test
  void malformedBodiesAnswer400Or415WithoutInternals() {
    UUID id = f.open("US");
    String path = "/api/cases/" + id + "/transitions";
    String token = f.token("rights-holder");
    for (String body : new String[] {"{", "[]", "\"x\"", "{\"action\":\"explode\"}", "{\"action\":7}",
        "{\"action\":\"confirm\",\"reason\":\"" + "x".repeat(3000) + "\"}", "{}"}) {
      HttpResponse<String> r = f.api.call("POST", path, token, body);
      TestApi.json(r, 400);
      assertCleanError(r);
    }
    HttpResponse<String> notJson = f.api.call("POST", path, token, null);
    assertEquals(415, notJson.statusCode(), notJson.body());
  }

  @Test
  void aCallerOverItsRateLimitGets429WithRetryAfter() {
    TestPostgres.TestDatabase db = TestPostgres.freshDatabase();
    try (CaseworkServer s = CaseworkServer.start(TestServers.config(db, Map.of(
        "http.rateLimit.perSecond", "1", "http.rateLimit.burst", "5")))) {
      TestApi api = new TestApi(s.port());
      String token = s.demoTokens().get("regulator");
      int limited = 0;
      String retryAfter = null;
      for (int i = 0; i < 12; i++) {
        HttpResponse<String> r = api.get("/api/me", token);
        if (r.statusCode() == 429) {
          limited++;
          retryAfter = r.headers().firstValue("Retry-After").orElse(null);
          assertEquals("too_many_requests", new JsonObject(r.body()).getString("type"));
        }
      }
      assertTrue(limited >= 6, "429s: " + limited);
      assertTrue(retryAfter != null && Integer.parseInt(retryAfter) >= 1, retryAfter);
      // another caller is not affected
      assertEquals(200, api.get("/api/me", s.demoTokens().get("court")).statusCode());
    }
  }

  @Test
  void theOpenApiDocumentIsServedWithoutAToken() {
    JsonObject doc = TestApi.json(f.api.get("/api/openapi.json", null), 200);
    assertEquals("3.1.0", doc.getString("openapi"));
    assertTrue(doc.getJsonObject("paths").containsKey("/api/cases/{id}/transitions"));
  }

  @Test
  void aPlatformCannotUseTheRegistryOrAssignCases() {
    UUID id = f.open("US");
    TestApi.json(f.api.get("/api/registry/assets", f.token("platform")), 403);
    TestApi.json(f.api.call("PUT", "/api/cases/" + id + "/assignee", f.token("platform"),
        new JsonObject().put("assignee", "x").encode()), 403);
    Await.result(io.vertx.core.Future.succeededFuture());
  }
}
