package ipwatch.casework.workflow;

import java.util.Optional;

/** The deadlines the workflow keeps, the action each fires, and the state that arms it. */
public enum TimerKind {
  /** After a counter-notice: restore unless escalated or referred first (PRC Art. 43, DMCA 512(g)). */
  RESTORE_WINDOW(Action.RESTORE),
  /** After a removal: the seller's internal-complaint window (DSA Art. 20); the case closes when it ends. */
  COMPLAINT_WINDOW(Action.CLOSE);

  private final Action fires;

  TimerKind(Action fires) {
    this.fires = fires;
  }

  public Action fires() {
    return fires;
  }

  /** The timer a case arms on entering a state under a profile, with its window. */
  static Optional<TimerKind> armedBy(Action action) {
    return switch (action) {
      case COUNTER_NOTICE -> Optional.of(RESTORE_WINDOW);
      case REMOVE -> Optional.of(COMPLAINT_WINDOW);
      default -> Optional.empty();
    };
  }

  Optional<Window> window(JurisdictionProfile p) {
    return this == RESTORE_WINDOW ? p.restoreWindow() : p.complaintWindow();
  }
}
