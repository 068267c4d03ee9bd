package ipwatch.model;

/** A record that cannot be read. It is data to dead-letter with this message, never a reason to stop a job. */
public class BadRecordException extends RuntimeException {
  public BadRecordException(String message) {
    super(message);
  }

  public BadRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
