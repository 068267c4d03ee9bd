package ipwatch.casework.workflow;

import static ipwatch.casework.cases.CaseStatus.CLOSED;
import static ipwatch.casework.cases.CaseStatus.COMPLAINT;
import static ipwatch.casework.cases.CaseStatus.CONFIRMED;
import static ipwatch.casework.cases.CaseStatus.COUNTER_NOTICE;
import static ipwatch.casework.cases.CaseStatus.DETECTED;
import static ipwatch.casework.cases.CaseStatus.DISMISSED;
import static ipwatch.casework.cases.CaseStatus.ESCALATED;
import static ipwatch.casework.cases.CaseStatus.NOTICE_SENT;
import static ipwatch.casework.cases.CaseStatus.REFERRED;
import static ipwatch.casework.cases.CaseStatus.REJECTED;
import static ipwatch.casework.cases.CaseStatus.REMOVED;
import static ipwatch.casework.cases.CaseStatus.RESTORED;

import ipwatch.casework.cases.CaseStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The case workflow as data: for each action and role, the states it may start from and the state it leads to.
 * Jurisdiction profiles switch actions on or off and add required fields and windows; they cannot add edges.
 */
public final class StateMachine {
  /** The role of the service itself (deadline timers). */
  public static final String SYSTEM = "SYSTEM";

  /** One edge set: {@code role} may take {@code action} from any of {@code from}; the case goes to {@code to}. */
  public record Rule(Action action, String role, Set<CaseStatus> from, Optional<CaseStatus> to) {}

  private static final Set<CaseStatus> OPEN = EnumSet.complementOf(EnumSet.of(CLOSED));
  private static final List<Rule> RULES = List.of(
      rule(Action.CONFIRM, "RIGHTS_HOLDER", EnumSet.of(DETECTED), CONFIRMED),
      rule(Action.DISMISS, "RIGHTS_HOLDER", EnumSet.of(DETECTED, CONFIRMED), DISMISSED),
      rule(Action.SEND_NOTICE, "RIGHTS_HOLDER", EnumSet.of(CONFIRMED), NOTICE_SENT),
      rule(Action.TAKE_UP, "REGULATOR", EnumSet.of(DETECTED, CONFIRMED), NOTICE_SENT),
      rule(Action.REMOVE, "PLATFORM", EnumSet.of(NOTICE_SENT), REMOVED),
      rule(Action.REJECT, "PLATFORM", EnumSet.of(NOTICE_SENT), REJECTED),
      rule(Action.COUNTER_NOTICE, "PLATFORM", EnumSet.of(REMOVED), COUNTER_NOTICE),
      rule(Action.COMPLAINT, "PLATFORM", EnumSet.of(REMOVED), COMPLAINT),
      rule(Action.UPHOLD, "PLATFORM", EnumSet.of(COMPLAINT), REMOVED),
      rule(Action.REVERSE, "PLATFORM", EnumSet.of(COMPLAINT), RESTORED),
      rule(Action.ESCALATE, "RIGHTS_HOLDER", EnumSet.of(COUNTER_NOTICE, REJECTED, COMPLAINT), ESCALATED),
      rule(Action.REFER, "RIGHTS_HOLDER", EnumSet.of(COUNTER_NOTICE, REJECTED, COMPLAINT, ESCALATED), REFERRED),
      rule(Action.REFER, "REGULATOR", EnumSet.of(ESCALATED), REFERRED),
      rule(Action.RESTORE, "PLATFORM", EnumSet.of(COUNTER_NOTICE), RESTORED),
      rule(Action.RESTORE, SYSTEM, EnumSet.of(COUNTER_NOTICE), RESTORED),
      rule(Action.DECIDE, "REGULATOR", EnumSet.of(ESCALATED), CLOSED),
      rule(Action.DECIDE, "COURT", EnumSet.of(REFERRED), CLOSED),
      rule(Action.CLOSE, "RIGHTS_HOLDER", EnumSet.of(DISMISSED, REJECTED, REMOVED, RESTORED), CLOSED),
      rule(Action.CLOSE, "REGULATOR", EnumSet.of(DISMISSED, REJECTED, REMOVED, RESTORED), CLOSED),
      rule(Action.CLOSE, SYSTEM, EnumSet.of(REMOVED), CLOSED),
      new Rule(Action.HOLD, "REGULATOR", OPEN, Optional.empty()),
      new Rule(Action.HOLD, "COURT", OPEN, Optional.empty()),
      new Rule(Action.RELEASE_HOLD, "REGULATOR", OPEN, Optional.empty()),
      new Rule(Action.RELEASE_HOLD, "COURT", OPEN, Optional.empty()));

  private StateMachine() {}

  private static Rule rule(Action a, String role, Set<CaseStatus> from, CaseStatus to) {
    return new Rule(a, role, Set.copyOf(from), Optional.of(to));
  }

  public static List<Rule> rules() {
    return RULES;
  }

  /** Whether {@code role} may ever take {@code action} (function-level authorisation, before any state check). */
  public static boolean roleMay(String role, Action action) {
    return RULES.stream().anyMatch(r -> r.action() == action && r.role().equals(role));
  }

  /** The rule that applies now, if the action is legal for this role, state and profile. */
  public static Optional<Rule> find(String role, Action action, CaseStatus status, JurisdictionProfile profile) {
    return RULES.stream()
        .filter(r -> r.action() == action && r.role().equals(role) && r.from().contains(status))
        .filter(r -> !r.action().changesStatus() || profile.actions().contains(action))
        .findFirst();
  }

  /** Every action {@code role} may take now, in declaration order: the "allowed" list of a 409. */
  public static List<String> allowed(String role, CaseStatus status, JurisdictionProfile profile) {
    List<String> out = new ArrayList<>();
    for (Action a : Action.values()) {
      if (find(role, a, status, profile).isPresent() && !out.contains(a.jsonName())) {
        out.add(a.jsonName());
      }
    }
    return out;
  }
}
