package ipwatch.casework.http;

/** The error types a client can see, with their HTTP status and a default message that reveals nothing internal. */
public enum ErrorType {
  BAD_REQUEST("bad_request", 400, "The request is not valid."),
  UNAUTHORIZED("unauthorized", 401, "A valid bearer token is required."),
  FORBIDDEN("forbidden", 403, "This request is not allowed."),
  NOT_FOUND("not_found", 404, "Not found."),
  METHOD_NOT_ALLOWED("method_not_allowed", 405, "This method is not allowed here."),
  CONFLICT("conflict", 409, "The request conflicts with the current state of the resource."),
  PAYLOAD_TOO_LARGE("payload_too_large", 413, "The request body is too large."),
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415, "The request body must be application/json."),
  TOO_MANY_REQUESTS("too_many_requests", 429, "Too many requests; slow down and retry after the indicated time."),
  UNAVAILABLE("unavailable", 503, "A service this request needs is temporarily unavailable; try again shortly."),
  INTERNAL("internal", 500, "Something went wrong on our side. Quote the correlation id when reporting it.");

  private final String type;
  private final int status;
  private final String defaultMessage;

  ErrorType(String type, int status, String defaultMessage) {
    this.type = type;
    this.status = status;
    this.defaultMessage = defaultMessage;
  }

  public String type() {
    return type;
  }

  public int status() {
    return status;
  }

  public String defaultMessage() {
    return defaultMessage;
  }

  static ErrorType forStatus(int status) {
    for (ErrorType t : values()) {
      if (t.status == status) {
        return t;
      }
    }
    return status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL;
  }
}
