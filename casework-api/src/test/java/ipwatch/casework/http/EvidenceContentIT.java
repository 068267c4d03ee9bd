package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import ipwatch.model.Trademark;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/cases/{id}/evidence/{itemId}/content: the stored bytes with their content type, sandboxed and not sniffed,
 * for the parties of the case only; a foreign case's item answers exactly like a missing one.
 */
class EvidenceContentIT {
  private static CaseworkFixture f;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
    Await.result(new RegistryStore(f.pool).upsert(List.of(new Trademark("tm-lumora-us", "org-lumora", "LUMORA",
        List.of(9), List.of("US"), List.of(), List.of()))));
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static int upload(String role, UUID caseId, String contentType, byte[] bytes) {
    JsonObject body = new JsonObject().put("kind", "DOCUMENT").put("name", "page.html").put("contentType", contentType)
        .put("contentBase64", Base64.getEncoder().encodeToString(bytes));
    return TestApi.json(f.api.post("/api/cases/" + caseId + "/evidence", f.token(role), body), 201).getInteger("seq");
  }

  private static HttpResponse<String> content(String role, UUID caseId, String item) {
    return f.api.get("/api/cases/" + caseId + "/evidence/" + item + "/content", f.token(role));
  }

  @Test
  void aPartyOfTheCaseGetsTheStoredBytesSandboxedWithTheirContentType() {
    UUID id = f.open("US");
    byte[] page = ("<html><body><script>alert(1)</script>snapshot " + UUID.randomUUID() + "</body></html>")
        .getBytes(StandardCharsets.UTF_8);
    int seq = upload("rights-holder", id, "text/html", page);

    HttpResponse<String> r = content("rights-holder", id, String.valueOf(seq));

    assertEquals(200, r.statusCode(), r.body());
    assertEquals(new String(page, StandardCharsets.UTF_8), r.body());
    assertEquals("text/html", r.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("sandbox"));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals(1, r.headers().allValues("Content-Security-Policy").size());
  }

  @Test
  void thePlatformSeesTheContentOnlyOnceTheNoticeIsSent() {
    UUID id = f.open("US");
    int seq = upload("rights-holder", id, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    assertEquals(404, content("platform", id, String.valueOf(seq)).statusCode());

    f.ok("rights-holder", id, "confirm", null);
    f.ok("rights-holder", id, "send_notice", CaseworkFixture.usNotice());

    HttpResponse<String> r = content("platform", id, String.valueOf(seq));
    assertEquals(200, r.statusCode());
    assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void aForeignCasesItemAnswersLikeAMissingOne() {
    UUID lumora = f.openFor("tm-lumora-us", "org-lumora", "demo-market");
    int seq = upload("rights-holder-2", lumora, "text/plain", "Lumora's purchase receipt".getBytes());
    assertEquals(200, content("rights-holder-2", lumora, String.valueOf(seq)).statusCode());

    HttpResponse<String> foreign = content("rights-holder", lumora, String.valueOf(seq));
    HttpResponse<String> missingCase = content("rights-holder", UUID.randomUUID(), "1");
    UUID own = f.open("US");
    HttpResponse<String> missingItem = content("rights-holder", own, "99");
    HttpResponse<String> malformed = content("rights-holder", own, "first");

    for (HttpResponse<String> r : List.of(foreign, missingCase, missingItem, malformed)) {
      JsonObject body = TestApi.json(r, 404);
      assertEquals("not_found", body.getString("type"));
      assertEquals("Not found.", body.getString("message"));
      assertTrue(!r.body().contains("receipt") && !r.body().contains("org-lumora"));
    }
  }
}
