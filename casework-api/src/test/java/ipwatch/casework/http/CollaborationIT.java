package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import ipwatch.casework.testing.Await;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seller identifiers (masking, audited full reads), comments, assignment, notifier accuracy, priority. */
class CollaborationIT {
  private static CaseworkFixture f;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static UUID noticed() {
    UUID id = f.open("US");
    f.ok("rights-holder", id, "confirm", null);
    f.ok("rights-holder", id, "send_notice", CaseworkFixture.usNotice());
    return id;
  }

  private static long events(UUID id, String type) {
    return Await.result(f.pool.preparedQuery("SELECT count(*) FROM case_events WHERE case_id = $1 AND type = $2")
        .execute(Tuple.of(id, type))).iterator().next().getLong(0);
  }

  @Test
  void rightsHoldersSeeMaskedSellerDataAndEveryFullReadByARegulatorIsAudited() {
    UUID id = noticed();
    TestApi.json(f.api.call("PUT", "/api/cases/" + id + "/seller", f.token("platform"), new JsonObject()
        .put("identifiers", new JsonObject().put("email", "shady.seller@mail.example").put("phone", "+86 138 0013 8000")
            .put("businessLicense", "91330100MA2XXXXX1")).encode()), 200);

    JsonObject masked = TestApi.json(f.api.get("/api/cases/" + id + "/seller", f.token("rights-holder")), 200);
    assertTrue(masked.getBoolean("masked"));
    String asText = masked.encode();
    assertFalse(asText.contains("shady.seller") || asText.contains("mail.example") || asText.contains("0013"),
        asText);
    assertEquals("s***@***.example", masked.getJsonObject("identifiers").getString("email"));
    assertEquals(0, events(id, "SELLER_IDENTIFIERS_READ"));

    JsonObject full = TestApi.json(f.api.get("/api/cases/" + id + "/seller", f.token("regulator")), 200);
    assertEquals("shady.seller@mail.example", full.getJsonObject("identifiers").getString("email"));
    TestApi.json(f.api.get("/api/cases/" + id + "/seller", f.token("regulator")), 200);
    assertEquals(2, events(id, "SELLER_IDENTIFIERS_READ"));
  }

  @Test
  void internalCommentsStayInsideTheAuthorsOrganisation() {
    UUID id = noticed();
    TestApi.json(f.api.post("/api/cases/" + id + "/comments", f.token("rights-holder"),
        new JsonObject().put("body", "our counsel thinks this is weak").put("visibility", "INTERNAL")), 201);
    TestApi.json(f.api.post("/api/cases/" + id + "/comments", f.token("rights-holder"),
        new JsonObject().put("body", "please act quickly")), 201);
    assertEquals(2, TestApi.json(f.api.get("/api/cases/" + id + "/comments", f.token("rights-holder")), 200)
        .getJsonArray("items").size());
    JsonObject platformView = TestApi.json(f.api.get("/api/cases/" + id + "/comments", f.token("platform")), 200);
    assertEquals(1, platformView.getJsonArray("items").size());
    assertFalse(platformView.encode().contains("counsel"));
  }

  @Test
  void assignmentIsRecordedAndAudited() {
    UUID id = f.open("US");
    TestApi.json(f.api.call("PUT", "/api/cases/" + id + "/assignee", f.token("rights-holder"),
        new JsonObject().put("assignee", "ann").encode()), 200);
    assertEquals("ann", f.detail("rights-holder", id).getString("assignedTo"));
    assertEquals(1, events(id, "ASSIGNED"));
  }

  @Test
  void notifierAccuracyCountsRemovalsThatStoodAgainstNotices() {
    CaseworkFixture g = new CaseworkFixture();
    try {
      UUID stood = g.open("US");
      UUID undone = g.open("US");
      for (UUID id : new UUID[] {stood, undone}) {
        g.ok("rights-holder", id, "confirm", null);
        g.ok("rights-holder", id, "send_notice", CaseworkFixture.usNotice());
        g.ok("platform", id, "remove", null);
      }
      g.ok("platform", undone, "counter_notice", CaseworkFixture.usCounterNotice());
      g.clock.advance(java.time.Duration.ofDays(20));
      try {
        g.awaitStatus(undone, "RESTORED");
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      JsonObject a = TestApi.json(g.api.get("/api/notifiers/org-nordvik/accuracy", g.token("platform")), 200);
      assertEquals(2, a.getLong("notices"));
      assertEquals(1, a.getLong("upheld"));
      assertEquals(0.5, a.getDouble("accuracy"));
      assertEquals(0.5, a.getDouble("counterRate"));
    } finally {
      g.close();
    }
  }

  @Test
  void priorityIsSetAtOpeningAndRepeatSellersRankHigher() {
    UUID first = f.open("US");
    double p1 = f.detail("rights-holder", first).getDouble("priority");
    UUID later = f.open("US"); // same seller id in every test flag
    double p2 = f.detail("rights-holder", later).getDouble("priority");
    assertTrue(p1 > 0 && p2 > p1, p1 + " then " + p2);
  }
}
