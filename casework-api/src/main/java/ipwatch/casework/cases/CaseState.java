package ipwatch.casework.cases;

import java.time.Instant;
import java.util.List;

/** The workflow side of a case: hold, routing, assignment, priority, outcome and the pending deadlines. */
public record CaseState(boolean legalHold, String regulatorOrg, String assignedTo, boolean ownInitiative,
    double priority, String outcome, List<Deadline> deadlines) {

  public CaseState {
    deadlines = List.copyOf(deadlines);
  }

  /** A pending legal deadline: what fires when, and on which rule. */
  public record Deadline(String kind, String action, Instant dueAt, Instant latestAt, String basis) {}
}
