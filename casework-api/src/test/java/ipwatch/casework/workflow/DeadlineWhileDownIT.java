package ipwatch.casework.workflow;

import ipwatch.casework.testing.CaseworkFixture;

import static ipwatch.casework.testing.CaseworkFixture.cnDeclaration;
import static ipwatch.casework.testing.CaseworkFixture.cnNotice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A deadline stored in PostgreSQL takes effect at start-up when it passed while the service was down. */
class DeadlineWhileDownIT {

  @Test
  void aRestoreDeadlineThatPassedWhileTheServiceWasDownFiresAtStartUp() {
    try (CaseworkFixture f = new CaseworkFixture()) {
      UUID id = f.open("CN");
      f.addEvidence(id);
      f.ok("rights-holder", id, "confirm", null);
      f.ok("rights-holder", id, "send_notice", cnNotice());
      f.ok("platform", id, "remove", new JsonObject().put("measure", "DELETE"));
      f.ok("platform", id, "counter_notice", cnDeclaration());

      f.restart(Duration.ofDays(16)); // the start-up scan runs before the server listens

      JsonObject d = f.detail("rights-holder", id);
      assertEquals("RESTORED", d.getString("status"));
      assertEquals(0, d.getJsonArray("deadlines").size());
    }
  }
}
