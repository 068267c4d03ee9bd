package ipwatch.casework.cases;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One line of a case's audit trail: who did what, when, why, and the state before and after. */
public record CaseEvent(long id, String actor, Instant at, String type, String reason, JsonObject before,
    JsonObject after) {

  public static final String CASE_OPENED = "CASE_OPENED";
}
