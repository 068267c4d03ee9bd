package ipwatch.casework.workflow;

import ipwatch.casework.auth.Caller;
import ipwatch.casework.auth.Role;
import java.util.Optional;

/** Who takes an action: a party's user, or the service itself when a deadline passes. */
public record Actor(String id, Optional<Caller> caller) {
  public static final Actor TIMER = new Actor("system:timer", Optional.empty());

  public static Actor of(Caller c) {
    return new Actor("user:" + c.userId() + "@" + c.orgId(), Optional.of(c));
  }

  /** The role the state machine checks; SYSTEM for the timer. */
  public String role() {
    return caller.map(c -> c.role().name()).orElse(StateMachine.SYSTEM);
  }

  public boolean hasRole(Role r) {
    return caller.map(c -> c.role() == r).orElse(false);
  }
}
