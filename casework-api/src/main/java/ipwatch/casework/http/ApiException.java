package ipwatch.casework.http;

/**
 * A failure meant for the client. The message is written for the client and must not contain internals; no stack
 * trace is captured since the cause is known.
 */
public final class ApiException extends RuntimeException {
  private final ErrorType type;

  public ApiException(ErrorType type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public ApiException(ErrorType type) {
    this(type, type.defaultMessage());
  }

  public ErrorType type() {
    return type;
  }

  public static ApiException notFound() {
    return new ApiException(ErrorType.NOT_FOUND);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(ErrorType.BAD_REQUEST, message);
  }
}
