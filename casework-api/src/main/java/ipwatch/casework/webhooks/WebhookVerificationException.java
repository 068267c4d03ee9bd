package ipwatch.casework.webhooks;

/** A webhook that must not be processed: missing headers, no matching signature, or a timestamp out of tolerance. */
public final class WebhookVerificationException extends Exception {
  public WebhookVerificationException(String message) {
    super(message);
  }
}
