package ipwatch.casework.workflow;

import java.util.List;

/**
 * A transition the workflow does not allow. The message is written for the client; {@code allowed} lists what the
 * caller may do instead (the body of a 409).
 */
public final class TransitionRefused extends RuntimeException {
  public enum Reason { NOT_FOUND, FORBIDDEN, CONFLICT, INVALID }

  private final Reason reason;
  private final List<String> allowed;

  public TransitionRefused(Reason reason, String message, List<String> allowed) {
    super(message, null, false, false);
    this.reason = reason;
    this.allowed = List.copyOf(allowed);
  }

  public static TransitionRefused notFound() {
    return new TransitionRefused(Reason.NOT_FOUND, "Not found.", List.of());
  }

  public static TransitionRefused invalid(String message) {
    return new TransitionRefused(Reason.INVALID, message, List.of());
  }

  public Reason reason() {
    return reason;
  }

  public List<String> allowed() {
    return allowed;
  }
}
