package ipwatch.casework;

/**
 * A request the domain refuses, with the HTTP status and a message written for the client (no internals). The HTTP
 * layer maps it without knowing which service raised it.
 */
public class Refusal extends RuntimeException {
  private final int status;

  public Refusal(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
