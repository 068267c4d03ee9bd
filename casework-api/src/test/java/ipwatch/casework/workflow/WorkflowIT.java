package ipwatch.casework.workflow;

import ipwatch.casework.testing.CaseworkFixture;

import static ipwatch.casework.testing.CaseworkFixture.cnDeclaration;
import static ipwatch.casework.testing.CaseworkFixture.cnNotice;
import static ipwatch.casework.testing.CaseworkFixture.euNotice;
import static ipwatch.casework.testing.CaseworkFixture.statementOfReasons;
import static ipwatch.casework.testing.CaseworkFixture.usCounterNotice;
import static ipwatch.casework.testing.CaseworkFixture.usNotice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.casework.testing.TestApi;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workflow per jurisdiction through the HTTP API, with a clock the test moves. */
class WorkflowIT {
  private static CaseworkFixture f;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static UUID toRemoved(String jurisdiction, JsonObject notice, JsonObject removal) {
    UUID id = f.open(jurisdiction);
    f.addEvidence(id);
    f.ok("rights-holder", id, "confirm", null);
    f.ok("rights-holder", id, "send_notice", notice);
    f.ok("platform", id, "remove", removal);
    return id;
  }

  @Test
  void cnListingIsRestoredFifteenDaysAfterTheSellersDeclarationUnlessTheRightsHolderActs() throws Exception {
    UUID id = toRemoved("CN", cnNotice(), new JsonObject().put("measure", "DELETE"));
    f.ok("platform", id, "counter_notice", cnDeclaration());

    JsonObject d = f.detail("rights-holder", id);
    JsonObject deadline = d.getJsonArray("deadlines").getJsonObject(0);
    assertEquals("RESTORE_WINDOW", deadline.getString("kind"));
    assertEquals(f.clock.instant().plus(Duration.ofDays(15)).toString(), deadline.getString("dueAt"));
    assertTrue(d.getJsonArray("allowedActions").contains("escalate"), d.encode());

    JsonObject early = TestApi.json(f.act("platform", id, "restore", null), 409);
    assertTrue(early.getString("message").contains("window"), early.encode());

    f.clock.advance(Duration.ofDays(15).plusMinutes(1));
    f.awaitStatus(id, "RESTORED");
    JsonArray events = f.detail("rights-holder", id).getJsonArray("events");
    JsonObject last = events.getJsonObject(events.size() - 1);
    assertEquals("RESTORE", last.getString("type"));
    assertEquals("system:timer", last.getString("actor"));
    assertTrue(last.getString("reason").contains("E-Commerce Law"), last.encode());
  }

  @Test
  void aNoticeMissingWhatTheJurisdictionRequiresAnswers400NamingTheField() {
    UUID cn = f.open("CN");
    f.ok("rights-holder", cn, "confirm", null);
    JsonObject noEvidence = TestApi.json(f.act("rights-holder", cn, "send_notice", cnNotice()), 400);
    assertTrue(noEvidence.getString("message").contains("prima facie"), noEvidence.encode());
    f.addEvidence(cn);
    JsonObject missing = TestApi.json(f.act("rights-holder", cn, "send_notice",
        new JsonObject().put("explanation", "fake")), 400);
    assertTrue(missing.getString("message").contains("details.primaFacieEvidence"), missing.encode());

    UUID eu = f.open("EU");
    f.ok("rights-holder", eu, "confirm", null);
    JsonObject noEmail = TestApi.json(f.act("rights-holder", eu, "send_notice", euNotice().copy()
        .put("goodFaith", false)), 400);
    assertTrue(noEmail.getString("message").contains("details.goodFaith"), noEmail.encode());
    assertEquals("CONFIRMED", f.status(eu));
  }

  @Test
  void usPutBackCountsTenBusinessDaysSkippingWeekendsAndThanksgiving() throws Exception {
    f.clock.set(CaseworkFixture.START);
    UUID id = toRemoved("US", usNotice(), null);
    f.ok("platform", id, "counter_notice", usCounterNotice());

    JsonObject deadline = f.detail("platform", id).getJsonArray("deadlines").getJsonObject(0);
    // Fri 20 Nov 2026 10:00 New York + 10 business days (26 Nov is Thanksgiving) = Mon 7 Dec; latest 14 = Fri 11 Dec
    assertEquals("2026-12-07T15:00:00Z", deadline.getString("dueAt"));
    assertEquals("2026-12-11T15:00:00Z", deadline.getString("latestAt"));

    f.clock.set(java.time.Instant.parse("2026-12-07T14:59:00Z"));
    Thread.sleep(300);
    assertEquals("COUNTER_NOTICE", f.status(id));
    f.clock.set(java.time.Instant.parse("2026-12-07T15:00:01Z"));
    f.awaitStatus(id, "RESTORED");
    f.clock.set(CaseworkFixture.START);
  }

  @Test
  void aLegalHoldStopsAutomaticRestorationUntilReleased() throws Exception {
    f.clock.set(CaseworkFixture.START);
    UUID id = toRemoved("US", usNotice(), null);
    f.ok("platform", id, "counter_notice", usCounterNotice());
    f.ok("regulator", id, "hold", null);

    f.clock.advance(Duration.ofDays(30));
    Thread.sleep(400);
    assertEquals("COUNTER_NOTICE", f.status(id));
    JsonObject refused = TestApi.json(f.act("platform", id, "restore", null), 409);
    assertTrue(refused.getString("message").contains("legal hold"), refused.encode());
    assertTrue(!refused.getJsonArray("allowed").contains("restore"), refused.encode());

    f.ok("regulator", id, "release_hold", null);
    f.awaitStatus(id, "RESTORED");
    f.clock.set(CaseworkFixture.START);
  }

  @Test
  void escalatingCancelsTheRestoreDeadlineAndTheRegulatorDecides() throws Exception {
    f.clock.set(CaseworkFixture.START);
    UUID id = toRemoved("CN", cnNotice(), new JsonObject().put("measure", "BLOCK"));
    f.ok("platform", id, "counter_notice", cnDeclaration());
    JsonObject escalated = f.ok("rights-holder", id, "escalate", null);
    assertEquals("ESCALATED", escalated.getString("status"));
    assertEquals("org-regulator", f.detail("regulator", id).getString("regulatorOrg"));
    assertEquals(0, f.detail("regulator", id).getJsonArray("deadlines").size());

    f.clock.advance(Duration.ofDays(20));
    Thread.sleep(300);
    assertEquals("ESCALATED", f.status(id));
    f.ok("regulator", id, "decide", new JsonObject().put("outcome", "INFRINGING"));
    JsonObject closed = f.detail("rights-holder", id);
    assertEquals("CLOSED", closed.getString("status"));
    assertEquals("INFRINGING", closed.getString("outcome"));
    f.clock.set(CaseworkFixture.START);
  }

  @Test
  void aReferralMakesTheCaseVisibleToTheRoutedCourtWhichDecides() {
    UUID id = toRemoved("US", usNotice(), null);
    f.ok("platform", id, "counter_notice", usCounterNotice());
    TestApi.json(f.api.get("/api/cases/" + id, f.token("court")), 404);
    f.ok("rights-holder", id, "refer", null);
    assertEquals("org-court", f.detail("court", id).getString("referredToOrg"));
    f.ok("court", id, "decide", new JsonObject().put("outcome", "NOT_INFRINGING"));
    assertEquals("CLOSED", f.status(id));
  }

  @Test
  void euRemovalNeedsAStatementOfReasonsAndOpensASixMonthComplaintWindow() throws Exception {
    f.clock.set(CaseworkFixture.START);
    UUID id = f.open("EU");
    f.ok("rights-holder", id, "confirm", null);
    f.ok("rights-holder", id, "send_notice", euNotice());
    JsonObject noSor = TestApi.json(f.act("platform", id, "remove", null), 400);
    assertTrue(noSor.getString("message").contains("statementOfReasons"), noSor.encode());
    f.ok("platform", id, "remove", statementOfReasons());
    JsonObject deadline = f.detail("platform", id).getJsonArray("deadlines").getJsonObject(0);
    assertEquals("COMPLAINT_WINDOW", deadline.getString("kind"));
    // six months in Brussels local time: 16:00 CET on 20 Nov is 16:00 CEST on 20 May, i.e. 14:00Z
    assertEquals("2027-05-20T14:00:00Z", deadline.getString("dueAt"));
    // the EU profile has no counter-notice: the seller's route is the Art. 20 complaint
    JsonObject no = TestApi.json(f.act("platform", id, "counter_notice", null), 409);
    assertEquals(List.of("complaint"), no.getJsonArray("allowed").getList());

    f.clock.advance(Duration.ofDays(200));
    f.awaitStatus(id, "CLOSED");
    f.clock.set(CaseworkFixture.START);
  }

  @Test
  void euComplaintReversedRestoresTheListing() {
    UUID id = f.open("EU");
    f.ok("rights-holder", id, "confirm", null);
    f.ok("rights-holder", id, "send_notice", euNotice());
    f.ok("platform", id, "remove", statementOfReasons());
    f.ok("platform", id, "complaint", null);
    assertEquals(0, f.detail("platform", id).getJsonArray("deadlines").size());
    f.ok("platform", id, "reverse", null);
    assertEquals("RESTORED", f.status(id));
  }

  @Test
  void aCnRegulatorMayTakeUpACaseOnItsOwnInitiativeButNotInTheUs() {
    UUID cn = f.open("CN");
    JsonObject taken = f.ok("regulator", cn, "take_up", null);
    assertEquals("NOTICE_SENT", taken.getString("status"));
    assertEquals(true, f.detail("regulator", cn).getBoolean("ownInitiative"));
    f.ok("platform", cn, "remove", new JsonObject().put("measure", "TERMINATE_TRANSACTIONS"));

    UUID us = f.open("US");
    JsonObject refused = TestApi.json(f.act("regulator", us, "take_up", null), 409);
    assertTrue(refused.getString("message").contains("not possible"), refused.encode());
  }

  @Test
  void aStaleExpectedVersionAnswers409AndChangesNothing() {
    UUID id = f.open("US");
    JsonObject body = new JsonObject().put("action", "confirm").put("expectedVersion", 7);
    TestApi.json(f.api.post("/api/cases/" + id + "/transitions", f.token("rights-holder"), body), 409);
    assertEquals("DETECTED", f.status(id));
  }

  @Test
  void everyTransitionIsAnAuditEventWithActorReasonBeforeAndAfter() throws Exception {
    UUID id = f.open("US");
    f.ok("rights-holder", id, "confirm", null);
    var row = ipwatch.casework.testing.Await.result(f.pool.preparedQuery(
            "SELECT actor, reason, before, after FROM case_events WHERE case_id = $1 AND type = 'CONFIRM'")
        .execute(io.vertx.sqlclient.Tuple.of(id))).iterator().next();
    assertEquals("user:demo-rights-holder@org-nordvik", row.getString("actor"));
    assertTrue(row.getString("reason").startsWith("test confirm"));
    assertEquals("DETECTED", ((JsonObject) row.getValue("before")).getString("status"));
    assertEquals("CONFIRMED", ((JsonObject) row.getValue("after")).getString("status"));
  }
}
