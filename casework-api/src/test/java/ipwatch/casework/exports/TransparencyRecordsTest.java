package ipwatch.casework.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransparencyRecordsTest {
  private static final Instant DETECTED = Instant.parse("2026-11-19T08:00:00Z");
  private static final Instant DECIDED = Instant.parse("2026-11-20T16:30:00Z");

  @Test
  void aRemovalWithItsStatementOfReasonsBecomesATransparencyDatabaseStatement() {
    JsonObject details = new JsonObject().put("measure", "BLOCK").put("statementOfReasons", new JsonObject()
        .put("decisionGround", "DECISION_GROUND_ILLEGAL_CONTENT").put("legalGround", "EUTMR Art. 9")
        .put("explanation", "Counterfeit goods").put("territorialScope", new JsonArray().add("DE").add("FR")));
    JsonObject s = DsaStatement.of(new DsaStatement.Removal("c1", 42, "TRADEMARK", DETECTED, DECIDED, false,
        "Nordvik Outdoor", "DSA Arts 16, 17, 20", details));
    assertEquals(new JsonArray().add("DECISION_VISIBILITY_CONTENT_DISABLED"), s.getJsonArray("decision_visibility"));
    assertEquals("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS", s.getString("category"));
    assertEquals(new JsonArray().add("KEYWORD_TRADEMARK_INFRINGEMENT"), s.getJsonArray("category_specification"));
    assertEquals(new JsonArray().add("CONTENT_TYPE_PRODUCT"), s.getJsonArray("content_type"));
    assertEquals("DECISION_GROUND_ILLEGAL_CONTENT", s.getString("decision_ground"));
    assertEquals("EUTMR Art. 9", s.getString("illegal_content_legal_ground"));
    assertEquals("Counterfeit goods", s.getString("illegal_content_explanation"));
    assertEquals("SOURCE_ARTICLE_16", s.getString("source_type"));
    assertEquals("Nordvik Outdoor", s.getString("source_identity"));
    assertEquals("2026-11-20", s.getString("application_date"));
    assertEquals("2026-11-19", s.getString("content_date"));
    assertEquals("No", s.getString("automated_detection"));
    assertEquals("AUTOMATED_DECISION_NOT_AUTOMATED", s.getString("automated_decision"));
    assertEquals("ipwatch-c1-42", s.getString("puid"));
    assertEquals(new JsonArray().add("DE").add("FR"), s.getJsonArray("territorial_scope"));
  }

  @Test
  void aPatentRemovalWithoutDetailsFallsBackToTheLawApplied() {
    JsonObject s = DsaStatement.of(new DsaStatement.Removal("c2", 7, "PATENT", DETECTED, DECIDED, true, null,
        "17 U.S.C. 512(c)(3), 512(g)", null));
    assertEquals(new JsonArray().add("KEYWORD_PATENT_INFRINGEMENT"), s.getJsonArray("category_specification"));
    assertEquals(new JsonArray().add("DECISION_VISIBILITY_CONTENT_REMOVED"), s.getJsonArray("decision_visibility"));
    assertEquals("17 U.S.C. 512(c)(3), 512(g)", s.getString("illegal_content_legal_ground"));
    assertEquals("SOURCE_TYPE_OTHER_NOTIFICATION", s.getString("source_type"));
    assertNull(s.getString("source_identity"));
  }

  @Test
  void theLawIsTakenFromTheAuditSuffixNeverFromTheFreeText() {
    assertEquals("DSA Arts 16, 17, 20", TransparencyExports.law("removed, call Jane on 555 [EU: DSA Arts 16, 17, 20]"));
    assertNull(TransparencyExports.law("no suffix here"));
  }

  @Test
  void aLumenRecordNamesOrganisationsWorksAndUrlsOnly() {
    JsonObject r = LumenRecord.of(new LumenRecord.Notice("c1", "tm-us", "TRADEMARK", "NORDVIK", "BRAND_USE", "US",
        "demo-market", DECIDED, List.of("https://demo-market.example/item/1"), "Nordvik Outdoor", "Demo Market",
        "REMOVED", "REMOVED"));
    assertEquals("Yes", r.getString("action_taken"));
    assertEquals("Counterfeit", r.getString("type"));
    JsonObject work = r.getJsonArray("works").getJsonObject(0);
    assertEquals("Trade mark NORDVIK (tm-us)", work.getString("description"));
    assertEquals(new JsonArray().add("https://demo-market.example/item/1"), work.getJsonArray("infringing_urls"));
    assertEquals("Demo Market", r.getJsonArray("entity_notice_roles").getJsonObject(2).getJsonObject("entity")
        .getString("name"));
    assertEquals("No", LumenRecord.of(new LumenRecord.Notice("c1", "p1", "PATENT", null, "PATENT_CLAIM", "US", "m",
        DECIDED, List.of(), "N", null, "REJECTED", "REJECTED")).getString("action_taken"));
    assertFalse(r.encode().contains("seller"));
  }
}
