package ipwatch.casework.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import ipwatch.casework.testing.CaseworkFixture;
import ipwatch.casework.testing.TestApi;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A case's nextDeadline follows its timers: in the transition's answer, the detail and the list alike. */
class NextDeadlineIT {
  private static CaseworkFixture f;

  @BeforeAll
  static void start() {
    f = new CaseworkFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  private static JsonObject listed(UUID id) {
    for (Object o : TestApi.json(f.api.get("/api/cases?size=100", f.token("rights-holder")), 200)
        .getJsonArray("items")) {
      if (((JsonObject) o).getString("id").equals(id.toString())) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError(id + " not listed");
  }

  @Test
  void aTransitionsAnswerShowsTheDeadlineItStartedAndTheNextOneClearsIt() {
    UUID id = f.open("US");
    f.ok("rights-holder", id, "confirm", null);
    f.ok("rights-holder", id, "send_notice", CaseworkFixture.usNotice());
    assertNull(f.ok("platform", id, "remove", null).getString("nextDeadline"), "no window after a US removal");

    JsonObject countered = f.ok("platform", id, "counter_notice", CaseworkFixture.usCounterNotice());

    String due = f.detail("rights-holder", id).getJsonArray("deadlines").getJsonObject(0).getString("dueAt");
    assertEquals(due, countered.getString("nextDeadline"));
    assertEquals(due, listed(id).getString("nextDeadline"));
    JsonObject held = f.ok("regulator", id, "hold", null);
    assertEquals(due, held.getString("nextDeadline"), "a hold keeps the deadline (it waits for the release)");
    f.ok("regulator", id, "release_hold", null);

    JsonObject escalated = f.ok("rights-holder", id, "escalate", null);

    assertNull(escalated.getString("nextDeadline"));
    assertNull(listed(id).getString("nextDeadline"));
  }

  @Test
  void anEuRemovalStartsTheComplaintWindow() {
    UUID id = f.open("EU");
    f.ok("rights-holder", id, "confirm", null);
    f.ok("rights-holder", id, "send_notice", CaseworkFixture.euNotice());

    JsonObject removed = f.ok("platform", id, "remove", CaseworkFixture.statementOfReasons());

    String due = f.detail("rights-holder", id).getJsonArray("deadlines").getJsonObject(0).getString("dueAt");
    assertEquals(due, removed.getString("nextDeadline"));
    assertEquals(due, listed(id).getString("nextDeadline"));
  }
}
