package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.auth.Organisation;
import ipwatch.casework.auth.Organisations;
import ipwatch.casework.auth.Role;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import ipwatch.casework.testing.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ADMIN API for organisations and users against PostgreSQL: validated bodies, 409 on duplicates, every creation
 * audited, a user's token carrying its organisation, and the demo parties still working.
 */
class AdminApiIT {
  private static CaseworkFixture f;
  private static String admin;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
    Await.result(new Organisations(f.pool).upsert(new Organisation("org-admin", "Admin", Role.ADMIN, null,
        List.of("US"))));
    admin = TestTokens.hs256(TestTokens.claims("org-admin", "ADMIN", 3600), TestTokens.SECRET);
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static HttpResponse<String> post(String path, JsonObject body) {
    return f.api.post(path, admin, body);
  }

  private static JsonObject org(String id, String name, String role) {
    return new JsonObject().put("id", id).put("name", name).put("role", role);
  }

  private static long audits(String subject) {
    return Await.result(f.pool.preparedQuery("SELECT count(*) FROM admin_events WHERE subject = $1")
        .execute(Tuple.of(subject))).iterator().next().getLong(0);
  }

  @Test
  void anAdminCreatesAnOrganisationAndAUserWhoseTokenCarriesTheOrganisation() {
    String orgId = "org-acme-" + UUID.randomUUID().toString().substring(0, 6);
    JsonObject created = TestApi.json(post("/api/admin/organisations", org(orgId, "Acme " + orgId, "RIGHTS_HOLDER")),
        201);
    assertEquals("RIGHTS_HOLDER", created.getString("role"));
    assertTrue(TestApi.json(f.api.get("/api/admin/organisations", admin), 200).getJsonArray("items").stream()
        .anyMatch(o -> ((JsonObject) o).getString("id").equals(orgId)));

    String userId = "ann-" + orgId;
    JsonObject user = TestApi.json(post("/api/admin/organisations/" + orgId + "/users", new JsonObject()
        .put("id", userId).put("name", "Ann Counsel").put("email", userId + "@acme.example")), 201);
    assertEquals(orgId, user.getString("orgId"));
    JsonArray users = TestApi.json(f.api.get("/api/admin/organisations/" + orgId + "/users", admin), 200)
        .getJsonArray("items");
    assertEquals(1, users.size());
    assertEquals(userId, users.getJsonObject(0).getString("id"));

    JsonObject token = TestApi.json(f.api.call("POST", "/api/admin/organisations/" + orgId + "/users/" + userId
        + "/tokens", admin, null), 201);
    assertEquals(orgId, token.getString("orgId"));
    JsonObject me = TestApi.json(f.api.get("/api/me", token.getString("token")), 200);
    assertEquals(userId, me.getString("userId"));
    assertEquals(orgId, me.getJsonObject("organisation").getString("id"));
    assertEquals("RIGHTS_HOLDER", me.getJsonObject("organisation").getString("role"));

    assertEquals(1, audits("org:" + orgId));
    assertEquals(2, audits("user:" + userId)); // created, token issued
    Row event = Await.result(f.pool.preparedQuery("SELECT actor, type FROM admin_events WHERE subject = $1")
        .execute(Tuple.of("org:" + orgId))).iterator().next();
    assertEquals("user:user-1@org-admin", event.getString("actor"));
    assertEquals("ORGANISATION_CREATED", event.getString("type"));
    assertFalse(Await.result(f.pool.query("SELECT after::text FROM admin_events").execute()).iterator().next()
        .getString(0).contains(token.getString("token")));
  }

  @Test
  void duplicatesAre409AndWriteNothing() {
    String orgId = "org-dup-" + UUID.randomUUID().toString().substring(0, 6);
    TestApi.json(post("/api/admin/organisations", org(orgId, "Dup " + orgId, "COURT")), 201);
    List<JsonObject> duplicates = List.of(
        org(orgId, "Another name " + orgId, "COURT"),
        org(orgId + "-b", "DUP " + orgId.toUpperCase(), "COURT"),
        org(orgId + "-c", "Second Demo Market", "PLATFORM").put("marketplace", "demo-market"));
    for (JsonObject body : duplicates) {
      assertEquals("conflict", TestApi.json(post("/api/admin/organisations", body), 409).getString("type"),
          body.encode());
    }
    JsonObject user = new JsonObject().put("id", "clerk-" + orgId).put("name", "Clerk").put("email",
        "clerk@" + orgId + ".example");
    TestApi.json(post("/api/admin/organisations/" + orgId + "/users", user), 201);
    TestApi.json(post("/api/admin/organisations/" + orgId + "/users", user), 409);
    TestApi.json(post("/api/admin/organisations/" + orgId + "/users", user.copy().put("id", "other-" + orgId)
        .put("email", "CLERK@" + orgId + ".example")), 409);
    TestApi.json(post("/api/admin/organisations/org-nordvik/users", user.copy().put("id", "x-" + orgId)), 409);
    assertEquals(1, audits("org:" + orgId));
    assertEquals(1, audits("user:clerk-" + orgId));
    assertEquals(0, audits("user:other-" + orgId));
  }

  @Test
  void invalidBodiesAre400NamingTheField() {
    List<JsonObject> bad = List.of(
        org("Bad Id", "Bad", "COURT"),
        org("org-x1", "X", "SUPERUSER"),
        org("org-x2", "X2", "PLATFORM"),
        org("org-x3", "X3", "COURT").put("marketplace", "demo-market"),
        org("org-x4", "X4", "REGULATOR"),
        org("org-x5", "X5", "COURT").put("createdBy", "me"),
        org("org-x6", "Nul\u0000name", "COURT"));
    for (JsonObject body : bad) {
      JsonObject e = TestApi.json(post("/api/admin/organisations", body), 400);
      assertTrue(e.getString("message").startsWith("body"), e.encode());
    }
    TestApi.json(post("/api/admin/organisations/org-nordvik/users", new JsonObject().put("id", "u-bad")
        .put("name", "U").put("email", "not-an-address")), 400);
    assertEquals(0, audits("org:org-x1") + audits("org:org-x4") + audits("user:u-bad"));
  }

  @Test
  void otherRolesMayNotUseTheAdminApiAndTheDemoPartiesStillWork() {
    for (String role : List.of("regulator", "court", "rights-holder", "platform")) {
      assertEquals(403, f.api.get("/api/admin/organisations", f.token(role)).statusCode(), role);
      JsonObject sneaky = org("org-sneaky", "Sneaky", "ADMIN").put("jurisdictions", new JsonArray().add("US"));
      assertEquals(403, f.api.post("/api/admin/organisations", f.token(role), sneaky).statusCode(), role);
      assertEquals(200, f.api.get("/api/me", f.token(role)).statusCode(), role);
    }
    assertEquals(0, audits("org:org-sneaky"));
    JsonArray demoUsers = TestApi.json(f.api.get("/api/admin/organisations/org-nordvik/users", admin), 200)
        .getJsonArray("items");
    assertTrue(demoUsers.stream().anyMatch(u -> ((JsonObject) u).getString("id").equals("demo-rights-holder")));
  }
}
