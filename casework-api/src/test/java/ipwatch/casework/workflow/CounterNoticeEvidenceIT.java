package ipwatch.casework.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.evidence.BundleVerifier;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A counter-notice carries the seller's declaration and its evidence: the evidence enters the case's hash chain in
 * the transition's transaction, the rights holder sees it, and the exported bundle still verifies.
 */
class CounterNoticeEvidenceIT {
  private static CaseworkFixture f;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static UUID removedCnCase() {
    UUID id = f.open("CN");
    f.addEvidence(id);
    f.ok("rights-holder", id, "confirm", null);
    f.ok("rights-holder", id, "send_notice", CaseworkFixture.cnNotice());
    f.ok("platform", id, "remove", new JsonObject().put("measure", "DELETE"));
    return id;
  }

  private static JsonObject invoice(String text) {
    return new JsonObject().put("name", "distributor-invoice.txt").put("contentType", "text/plain")
        .put("contentBase64", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSellersEvidenceEntersTheHashChainWithTheDeclaration() throws Exception {
    UUID id = f.open("US");
    TestApi.json(f.api.post("/api/cases/" + id + "/evidence", f.token("rights-holder"), new JsonObject()
        .put("kind", "DOCUMENT").put("name", "test-purchase.txt").put("contentType", "text/plain")
        .put("contentBase64", Base64.getEncoder().encodeToString(("order " + id).getBytes(StandardCharsets.UTF_8)))),
        201);
    f.ok("rights-holder", id, "confirm", null);
    f.ok("rights-holder", id, "send_notice", CaseworkFixture.usNotice());
    f.ok("platform", id, "remove", null);
    String text = "Invoice 2026-0117 from the authorised distributor " + UUID.randomUUID();
    JsonObject declaration = CaseworkFixture.usCounterNotice().put("evidence", new JsonArray().add(invoice(text)));
    assertEquals("COUNTER_NOTICE", f.ok("platform", id, "counter_notice", declaration).getString("status"));

    JsonArray chain = TestApi.json(f.api.get("/api/cases/" + id + "/evidence", f.token("rights-holder")), 200)
        .getJsonArray("items");
    JsonObject last = chain.getJsonObject(chain.size() - 1);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
    assertEquals("DOCUMENT", last.getString("kind"));
    assertEquals("counter_notice: distributor-invoice.txt", last.getString("name"));
    assertEquals(sha, last.getString("sha256"));
    assertEquals(chain.getJsonObject(chain.size() - 2).getString("entryHash"), last.getString("prevHash"));

    // the audit event records the reference, never the uploaded bytes
    JsonObject after = (JsonObject) Await.result(f.pool.preparedQuery("SELECT after FROM case_events WHERE"
        + " case_id = $1 AND type = 'COUNTER_NOTICE'").execute(Tuple.of(id))).iterator().next().getValue(0);
    JsonObject ref = after.getJsonObject("details").getJsonArray("evidence").getJsonObject(0);
    assertEquals(sha, ref.getString("sha256"));
    assertFalse(after.encode().contains("contentBase64"));

    HttpResponse<byte[]> bundle = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + f.server.port() + "/api/cases/" + id + "/evidence/export"))
        .header("Authorization", "Bearer " + f.token("rights-holder")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, bundle.statusCode());
    BundleVerifier.Report report = BundleVerifier.verify(bundle.body());
    assertTrue(report.ok(), report.problems().toString());
    assertEquals(chain.size(), report.items());
  }

  @Test
  void evidenceOnAnotherActionOrUnreadableContentIsRefusedAndChangesNothing() {
    UUID id = removedCnCase();
    int before = TestApi.json(f.api.get("/api/cases/" + id + "/evidence", f.token("platform")), 200)
        .getJsonArray("items").size();
    JsonObject notBase64 = CaseworkFixture.cnDeclaration().put("evidence", new JsonArray().add(
        invoice("x").put("contentBase64", "%%%")));
    assertEquals(400, f.act("platform", id, "counter_notice", notBase64).statusCode());
    // who may upload is checked before any content is stored: a role that cannot answer, a platform that does not
    // see the case
    JsonObject valid = CaseworkFixture.cnDeclaration().put("evidence", new JsonArray().add(invoice("z")));
    assertEquals(403, f.act("rights-holder", id, "counter_notice", valid).statusCode());
    Await.result(new ipwatch.casework.auth.Organisations(f.pool).upsert(new ipwatch.casework.auth.Organisation(
        "org-elsewhere", "Elsewhere", ipwatch.casework.auth.Role.PLATFORM, "elsewhere", java.util.List.of())));
    String elsewhere = ipwatch.casework.testing.TestTokens.hs256(ipwatch.casework.testing.TestTokens.claims(
        "org-elsewhere", "PLATFORM", 3600), ipwatch.casework.testing.TestTokens.SECRET);
    assertEquals(404, f.api.post("/api/cases/" + id + "/transitions", elsewhere, new JsonObject()
        .put("action", "counter_notice").put("details", valid)).statusCode());
    JsonObject reject = new JsonObject().put("evidence", new JsonArray().add(invoice("y")));
    UUID other = f.open("CN");
    f.addEvidence(other);
    f.ok("rights-holder", other, "confirm", null);
    f.ok("rights-holder", other, "send_notice", CaseworkFixture.cnNotice());
    JsonObject refused = TestApi.json(f.act("platform", other, "reject", reject), 400);
    assertTrue(refused.getString("message").contains("details.evidence"), refused.encode());
    assertEquals(before, TestApi.json(f.api.get("/api/cases/" + id + "/evidence", f.token("platform")), 200)
        .getJsonArray("items").size());
    assertEquals("REMOVED", f.status(id));
    assertEquals("NOTICE_SENT", f.status(other));
  }
}
