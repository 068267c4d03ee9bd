package ipwatch.casework.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.casework.auth.Organisation;
import ipwatch.casework.auth.Organisations;
import ipwatch.casework.auth.Role;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import ipwatch.casework.testing.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DSA statement and Lumen exports over real cases: an EU case removed with a statement of reasons, a US case
 * rejected, with the seller's identifiers, the notifier's name and e-mail and a counter-notice declarant on record,
 * none of which may leave in an export.
 */
class TransparencyExportsIT {
  private static CaseworkFixture f;
  private static UUID removed;
  private static UUID rejected;
  private static String otherPlatform;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
    Await.result(new Organisations(f.pool).upsert(new Organisation("org-other-market", "Other Market",
        Role.PLATFORM, "other-market", List.of())));
    otherPlatform = TestTokens.hs256(TestTokens.claims("org-other-market", "PLATFORM", 3600), TestTokens.SECRET);
    removed = f.open("EU");
    f.ok("rights-holder", removed, "confirm", null);
    f.ok("rights-holder", removed, "send_notice", CaseworkFixture.euNotice());
    TestApi.json(f.api.call("PUT", "/api/cases/" + removed + "/seller", f.token("platform"), new JsonObject()
        .put("identifiers", new JsonObject().put("email", "shady.seller@mail.example").put("phone", "+86 138 0013 8000")
            .put("address", "7 Harbour Road, Ningbo")).encode()), 200);
    f.ok("platform", removed, "remove", CaseworkFixture.statementOfReasons().put("measure", "BLOCK"));
    rejected = f.open("US");
    f.ok("rights-holder", rejected, "confirm", null);
    f.ok("rights-holder", rejected, "send_notice", CaseworkFixture.usNotice());
    f.ok("platform", rejected, "reject", null);
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static JsonObject get(String path, String token) {
    return TestApi.json(f.api.get(path, token), 200);
  }

  private static JsonObject statementOf(JsonArray statements, UUID caseId) {
    for (Object o : statements) {
      JsonObject s = (JsonObject) o;
      if (s.getString("puid").startsWith("ipwatch-" + caseId + "-")) {
        return s;
      }
    }
    throw new AssertionError("no statement for " + caseId + " in " + statements);
  }

  @Test
  void thePlatformsRemovalIsAStatementOfReasonsInTheDatabasesTerms() {
    JsonArray statements = get("/api/exports/dsa-statements", f.token("platform")).getJsonArray("statements");
    JsonObject s = statementOf(statements, removed);
    assertEquals("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS", s.getString("category"));
    assertEquals(new JsonArray().add("KEYWORD_TRADEMARK_INFRINGEMENT"), s.getJsonArray("category_specification"));
    assertEquals(new JsonArray().add("DECISION_VISIBILITY_CONTENT_DISABLED"), s.getJsonArray("decision_visibility"));
    assertEquals("DECISION_GROUND_ILLEGAL_CONTENT", s.getString("decision_ground"));
    assertEquals("EUTMR Art. 9", s.getString("illegal_content_legal_ground"));
    assertEquals("SOURCE_ARTICLE_16", s.getString("source_type"));
    assertEquals("Nordvik Outdoor", s.getString("source_identity"));
    assertEquals(CaseworkFixture.START.toString().substring(0, 10), s.getString("application_date"));
    assertTrue(s.getString("puid").matches("^[a-zA-Z0-9-_]+$"));
    // a rejection restricts nothing: no statement of reasons
    assertFalse(statements.encode().contains(rejected.toString()));
    // the regulator sees it in its jurisdictions; another platform does not
    statementOf(get("/api/exports/dsa-statements", f.token("regulator")).getJsonArray("statements"), removed);
    assertFalse(get("/api/exports/dsa-statements", otherPlatform).encode().contains(removed.toString()));
  }

  @Test
  void lumenRecordsCarryWorksUrlsPartiesAndOutcomesButNoPersonalData() {
    JsonObject body = get("/api/exports/lumen", f.token("platform"));
    String text = body.encode();
    JsonArray notices = body.getJsonArray("notices");
    JsonObject r = null;
    JsonObject q = null;
    for (Object o : notices) {
      JsonObject n = (JsonObject) o;
      r = n.getString("id").equals(removed.toString()) ? n : r;
      q = n.getString("id").equals(rejected.toString()) ? n : q;
    }
    assertEquals("Yes", r.getString("action_taken"));
    assertEquals("No", q.getString("action_taken"));
    assertEquals(new JsonArray().add("https://demo-market.example/item/1"),
        r.getJsonArray("works").getJsonObject(0).getJsonArray("infringing_urls"));
    assertEquals("Nordvik Outdoor", r.getJsonArray("entity_notice_roles").getJsonObject(0).getJsonObject("entity")
        .getString("name"));
    assertEquals("Demo Market", r.getJsonArray("entity_notice_roles").getJsonObject(2).getJsonObject("entity")
        .getString("name"));
    for (String personal : List.of("Shady Seller", "shady-seller", "shady.seller", "mail.example", "0013 8000",
        "Harbour Road", "Ann Counsel", "ann@nordvik.example", "/Ann Counsel/")) {
      assertFalse(text.contains(personal), "the export leaks " + personal);
    }
  }

  @Test
  void onlyPlatformsRegulatorsAndAdminsMayExportAndTheWindowIsValidated() {
    for (String role : List.of("rights-holder", "court")) {
      assertEquals(403, f.api.get("/api/exports/dsa-statements", f.token(role)).statusCode(), role);
      assertEquals(403, f.api.get("/api/exports/lumen", f.token(role)).statusCode(), role);
    }
    assertEquals(0, get("/api/exports/lumen?to=2020-01-01", f.token("platform")).getInteger("total"));
    assertEquals(0, get("/api/exports/dsa-statements?from=" + CaseworkFixture.START.plusSeconds(86_400),
        f.token("regulator")).getInteger("total"));
    JsonObject bad = TestApi.json(f.api.get("/api/exports/lumen?from=last-week", f.token("platform")), 400);
    assertEquals("bad_request", bad.getString("type"));
  }
}
