package ipwatch.casework.workflow;

import java.util.Locale;
import java.util.Optional;

/** What a party (or the timer) can do to a case. The JSON name is the lower-case name: send_notice, release_hold. */
public enum Action {
  CONFIRM,
  DISMISS,
  SEND_NOTICE,
  /** A regulator acts on its own initiative, without a rights holder's notice (PRC E-Commerce Law Art. 45). */
  TAKE_UP,
  REMOVE,
  REJECT,
  COUNTER_NOTICE,
  COMPLAINT,
  UPHOLD,
  REVERSE,
  ESCALATE,
  REFER,
  RESTORE,
  DECIDE,
  CLOSE,
  /** Not a state change: a legal hold stops automatic restoration until released. */
  HOLD,
  RELEASE_HOLD;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Action> parse(String s) {
    for (Action a : values()) {
      if (a.jsonName().equals(s)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  public boolean changesStatus() {
    return this != HOLD && this != RELEASE_HOLD;
  }
}
