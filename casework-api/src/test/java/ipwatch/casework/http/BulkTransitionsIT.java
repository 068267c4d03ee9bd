package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.registry.RegistryStore;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import ipwatch.model.Trademark;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /api/cases/bulk/transitions: each id is authorised and validated exactly like the single transition, a
 * refusal is an error item that leaves the other ids' transitions in place, and foreign, missing and malformed ids
 * are the same not_found item.
 */
class BulkTransitionsIT {
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

  private static JsonObject bulk(String role, String action, List<String> ids, JsonObject details) {
    JsonObject body = new JsonObject().put("caseIds", new JsonArray(ids)).put("action", action)
        .put("reason", "bulk " + action);
    if (details != null) {
      body.put("details", details);
    }
    return TestApi.json(f.api.post("/api/cases/bulk/transitions", f.token(role), body), 200);
  }

  @Test
  void aMixOfAllowedIllegalForeignAndMissingIdsAnswersOneItemEachInOrder() {
    UUID first = f.open("US");
    UUID second = f.open("CN");
    UUID confirmed = f.open("US");
    f.ok("rights-holder", confirmed, "confirm", null);
    UUID foreign = f.openFor("tm-lumora-us", "org-lumora", "demo-market");
    String missing = UUID.randomUUID().toString();
    List<String> ids = List.of(first.toString(), confirmed.toString(), foreign.toString(), missing, "not-a-case",
        second.toString());

    JsonArray results = bulk("rights-holder", "confirm", ids, null).getJsonArray("results");

    assertEquals(ids.size(), results.size());
    for (int i = 0; i < ids.size(); i++) {
      assertEquals(ids.get(i), results.getJsonObject(i).getString("caseId"));
    }
    for (int i : new int[] {0, 5}) {
      assertEquals(true, results.getJsonObject(i).getBoolean("ok"));
      assertEquals("CONFIRMED", results.getJsonObject(i).getString("status"));
    }
    JsonObject illegal = results.getJsonObject(1);
    assertEquals(false, illegal.getBoolean("ok"));
    assertEquals("conflict", illegal.getJsonObject("error").getString("type"));
    assertEquals(new JsonArray(List.of("dismiss", "send_notice")), illegal.getJsonObject("error")
        .getJsonArray("allowed"));
    JsonObject notFound = results.getJsonObject(2).getJsonObject("error");
    for (int i : new int[] {3, 4}) {
      assertEquals(notFound, results.getJsonObject(i).getJsonObject("error"), "foreign and missing look alike");
    }
    assertEquals("not_found", notFound.getString("type"));
    assertFalse(results.encode().contains("org-lumora"));

    assertEquals("CONFIRMED", f.status(first));
    assertEquals("CONFIRMED", f.status(second));
    assertEquals("CONFIRMED", f.status(confirmed));
    assertEquals("DETECTED", f.status(foreign));
    assertEquals(1L, Await.result(f.pool.preparedQuery("SELECT count(*) FROM case_events WHERE case_id = $1"
        + " AND type = 'CONFIRM' AND reason LIKE 'bulk confirm%'").execute(Tuple.of(first))).iterator().next()
        .getLong(0));
  }

  @Test
  void aRoleThatMayNeverTakeTheActionGetsForbiddenItemsForCasesItSees() {
    UUID noticed = f.open("US");
    f.ok("rights-holder", noticed, "confirm", null);
    f.ok("rights-holder", noticed, "send_notice", CaseworkFixture.usNotice());
    UUID unseen = f.open("US");

    JsonArray results = bulk("platform", "confirm", List.of(noticed.toString(), unseen.toString()), null)
        .getJsonArray("results");

    assertEquals("forbidden", results.getJsonObject(0).getJsonObject("error").getString("type"));
    assertEquals("not_found", results.getJsonObject(1).getJsonObject("error").getString("type"));
  }

  @Test
  void detailsAreCheckedPerJurisdictionLikeASingleTransition() {
    UUID us = f.open("US");
    UUID eu = f.open("EU");
    bulk("rights-holder", "confirm", List.of(us.toString(), eu.toString()), null);

    JsonArray results = bulk("rights-holder", "send_notice", List.of(us.toString(), eu.toString()),
        CaseworkFixture.usNotice()).getJsonArray("results");

    assertEquals("NOTICE_SENT", results.getJsonObject(0).getString("status"));
    JsonObject euError = results.getJsonObject(1).getJsonObject("error");
    assertEquals("bad_request", euError.getString("type"));
    assertTrue(euError.getString("message").contains("details.urls"), euError.encode());
    assertEquals("CONFIRMED", f.status(eu));
  }

  @Test
  void aReasonPostgreSqlCannotStoreIsABadRequestSingleOrBulk() {
    UUID id = f.open("US");
    JsonObject single = new JsonObject().put("action", "confirm").put("reason", "nul\u0000byte");
    JsonObject error = TestApi.json(f.api.post("/api/cases/" + id + "/transitions", f.token("rights-holder"), single),
        400);
    assertEquals("bad_request", error.getString("type"));

    JsonObject item = TestApi.json(f.api.post("/api/cases/bulk/transitions", f.token("rights-holder"),
        single.copy().put("caseIds", new JsonArray().add(id.toString()))), 200).getJsonArray("results")
        .getJsonObject(0);
    assertEquals("bad_request", item.getJsonObject("error").getString("type"));
    assertEquals("DETECTED", f.status(id));
  }

  @Test
  void aBadBodyIsA400AndChangesNothing() {
    UUID id = f.open("US");
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(UUID.randomUUID().toString());
    }
    List<JsonObject> bodies = List.of(
        new JsonObject().put("caseIds", new JsonArray(tooMany)).put("action", "confirm"),
        new JsonObject().put("caseIds", new JsonArray()).put("action", "confirm"),
        new JsonObject().put("caseIds", new JsonArray(List.of(id.toString(), id.toString()))).put("action", "confirm"),
        new JsonObject().put("caseIds", new JsonArray(List.of(id.toString()))).put("action", "approve"),
        new JsonObject().put("caseIds", new JsonArray(List.of(id.toString()))).put("action", "confirm")
            .put("status", "CLOSED"),
        new JsonObject().put("caseIds", new JsonArray(List.of(id.toString()))).put("action", "confirm")
            .put("details", new JsonObject().put("owner", "org-lumora")));
    for (JsonObject body : bodies) {
      JsonObject error = TestApi.json(f.api.post("/api/cases/bulk/transitions", f.token("rights-holder"), body),
          400);
      assertEquals("bad_request", error.getString("type"), body.encode());
      assertTrue(error.containsKey("correlationId"));
    }
    assertEquals("DETECTED", f.status(id));
  }
}
