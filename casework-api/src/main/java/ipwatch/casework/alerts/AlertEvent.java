package ipwatch.casework.alerts;

import java.util.Optional;

/** What a rights holder can subscribe to. The webhook event type is {@code alert.<lower-case name>}. */
public enum AlertEvent {
  /** A case opened from a flag of any kind but RELISTING. */
  CASE_OPENED,
  /** A case opened from a RELISTING flag: a listing taken down earlier is back. */
  RELISTING,
  /** A pending deadline of the case (e.g. the counter-notice restore window) is due within the warning period. */
  DEADLINE_APPROACHING;

  public String type() {
    return "alert." + name().toLowerCase();
  }

  public static Optional<AlertEvent> parse(String s) {
    for (AlertEvent e : values()) {
      if (e.name().equals(s)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The event a newly opened case raises: RELISTING flags are their own event. */
  public static AlertEvent forOpenedKind(String flagKind) {
    return "RELISTING".equals(flagKind) ? RELISTING : CASE_OPENED;
  }
}
