package ipwatch.casework.cases;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** A case with the flag that opened it (signals, evidence) and its audit trail. */
public record CaseDetail(CaseSummary summary, JsonObject flag, List<CaseEvent> events, CaseState state) {
  public CaseDetail {
    events = List.copyOf(events);
  }
}
