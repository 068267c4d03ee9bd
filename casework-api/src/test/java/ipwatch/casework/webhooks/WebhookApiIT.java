package ipwatch.casework.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The platform's endpoint API with the production SSRF rule (webhooks.allowPrivateTargets off). */
class WebhookApiIT {
  private static final String PUBLIC = "https://93.184.216.34/ipwatch/takedowns";
  private static CaseworkFixture f;
  private static String platform;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
    platform = f.token("platform");
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static HttpResponse<String> register(String url) {
    return f.api.post("/api/webhooks/endpoints", platform, new JsonObject().put("url", url));
  }

  @Test
  void privateLoopbackLinkLocalAndMetadataTargetsAreRefusedAtRegistration() {
    for (String url : List.of("http://127.0.0.1/hook", "http://10.0.0.1/hook", "http://169.254.169.254/latest/",
        "http://[::1]/hook", "http://localhost:8080/hook")) {
      HttpResponse<String> r = register(url);
      assertEquals(400, r.statusCode(), url + " -> " + r.body());
      assertTrue(r.body().contains("body.url"), r.body());
    }
    assertEquals(400, register("ftp://93.184.216.34/").statusCode());
  }

  @Test
  void registerShowsTheSecretOnceAndRotationKeepsTheOldOneForTheGracePeriod() {
    JsonObject created = TestApi.json(register(PUBLIC), 201);
    String id = created.getString("id");
    String first = created.getString("secret");
    assertTrue(first.startsWith("whsec_"));
    assertTrue(created.getBoolean("enabled"));

    JsonObject listed = TestApi.json(f.api.get("/api/webhooks/endpoints", platform), 200);
    assertFalse(listed.encode().contains(first), "secrets are never listed");
    assertTrue(listed.getJsonArray("items").stream().anyMatch(e -> ((JsonObject) e).getString("id").equals(id)));

    JsonObject rotated = TestApi.json(f.api.post("/api/webhooks/endpoints/" + id + "/secrets", platform,
        new JsonObject().put("graceSeconds", 3600)), 201);
    String second = rotated.getString("secret");
    assertTrue(second.startsWith("whsec_") && !second.equals(first));
    JsonArray secrets = rotated.getJsonArray("secrets");
    assertEquals(2, secrets.size());
    assertTrue(secrets.stream().allMatch(s -> ((JsonObject) s).getBoolean("active")));
    assertNull(secrets.getJsonObject(0).getString("expiresAt"), "the new secret does not expire");
    assertEquals(f.clock.instant().plusSeconds(3600).toString(), secrets.getJsonObject(1).getString("expiresAt"));

    JsonObject immediate = TestApi.json(f.api.post("/api/webhooks/endpoints/" + id + "/secrets", platform,
        new JsonObject().put("graceSeconds", 0)), 201);
    assertEquals(1, immediate.getJsonArray("secrets").stream().filter(s -> ((JsonObject) s).getBoolean("active"))
        .count(), "a zero grace period retires the previous secrets at once");
  }

  @Test
  void anEndpointCanBeDisabledReEnabledAndMovedButNotIntoPrivateSpace() {
    String id = TestApi.json(register(PUBLIC), 201).getString("id");
    String path = "/api/webhooks/endpoints/" + id;
    JsonObject off = TestApi.json(f.api.call("PATCH", path, platform, "{\"enabled\": false}"), 200);
    assertFalse(off.getBoolean("enabled"));
    assertEquals("disabled by the organisation", off.getString("disabledReason"));
    JsonObject on = TestApi.json(f.api.call("PATCH", path, platform, "{\"enabled\": true}"), 200);
    assertTrue(on.getBoolean("enabled"));
    assertNull(on.getString("disabledReason"));
    assertEquals(400, f.api.call("PATCH", path, platform, "{\"url\": \"http://169.254.169.254/\"}").statusCode());
    assertEquals(PUBLIC, TestApi.json(f.api.get(path, platform), 200).getString("url"));
    JsonObject moved = TestApi.json(f.api.call("PATCH", path, platform,
        "{\"url\": \"https://93.184.216.35/v2\"}"), 200);
    assertEquals("https://93.184.216.35/v2", moved.getString("url"));
  }

  @Test
  void fieldsTheClientDoesNotOwnAreRefused() {
    assertEquals(400, f.api.post("/api/webhooks/endpoints", platform, new JsonObject().put("url", PUBLIC)
        .put("orgId", "org-lumora")).statusCode());
    String id = TestApi.json(register(PUBLIC), 201).getString("id");
    assertEquals(400, f.api.call("PATCH", "/api/webhooks/endpoints/" + id, platform,
        "{\"disabledReason\": \"x\"}").statusCode());
    assertEquals(400, f.api.call("PATCH", "/api/webhooks/endpoints/" + id, platform, "{}").statusCode());
    assertEquals(400, f.api.get("/api/webhooks/endpoints/" + id + "/deliveries?status=LOST", platform).statusCode());
  }

  @Test
  void onlyPlatformsAndRightsHoldersUseWebhookEndpoints() {
    for (String role : List.of("regulator", "court")) {
      assertEquals(403, f.api.get("/api/webhooks/endpoints", f.token(role)).statusCode(), role);
      assertEquals(403, f.api.post("/api/webhooks/endpoints", f.token(role), new JsonObject().put("url", PUBLIC))
          .statusCode(), role);
    }
    // a rights holder's endpoint receives its alert subscriptions; it never sees a platform's endpoints
    String holder = f.token("rights-holder");
    TestApi.json(f.api.post("/api/webhooks/endpoints", holder, new JsonObject().put("url", PUBLIC)), 201);
    for (Object e : TestApi.json(f.api.get("/api/webhooks/endpoints", holder), 200).getJsonArray("items")) {
      assertEquals(1, TestApi.json(f.api.get("/api/webhooks/endpoints/" + ((JsonObject) e).getString("id"), holder),
          200).getJsonArray("secrets").size());
    }
    assertEquals(1, TestApi.json(f.api.get("/api/webhooks/endpoints", holder), 200).getInteger("total"));
  }
}
