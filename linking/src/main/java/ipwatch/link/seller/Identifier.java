package ipwatch.link.seller;

import ipwatch.model.Hashes;

/** A normalised identifier: two accounts showing equal identifiers are linked (unless it is a hub). */
public record Identifier(IdentifierType type, String value) {

  /** A stable reference to the value that does not disclose it (for evidence shown to parties without access). */
  public String hash() {
    return Hashes.shortId(type + ":" + value).substring(0, 16);
  }

  /** The value with most characters hidden: enough for a human to recognise it, not to contact the seller. */
  public String masked() {
    return switch (type) {
      case EMAIL -> maskEmail(value);
      case PHONE -> keepEnds(value, 3, 2);
      case IMAGE -> value.length() > 12 ? value.substring(0, 12) : value;
      default -> keepEnds(value, 3, 2);
    };
  }

  private static String maskEmail(String email) {
    int at = email.indexOf('@');
    return at <= 0 ? keepEnds(email, 1, 0) : email.charAt(0) + "***" + email.substring(at);
  }

  private static String keepEnds(String s, int head, int tail) {
    if (s.length() <= head + tail) {
      return "*".repeat(s.length());
    }
    return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
  }
}
