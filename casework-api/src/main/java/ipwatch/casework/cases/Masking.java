package ipwatch.casework.cases;

import io.vertx.core.json.JsonObject;

/**
 * Masks seller identifiers for parties without a need for them: enough to tell two values apart or recognise one
 * already known (first character, e-mail domain's top level, last digits), never enough to contact the person.
 */
public final class Masking {
  private Masking() {}

  public static JsonObject mask(JsonObject identifiers) {
    JsonObject out = new JsonObject();
    for (String k : identifiers.fieldNames()) {
      Object v = identifiers.getValue(k);
      out.put(k, v == null ? null : maskValue(k, v.toString()));
    }
    return out;
  }

  static String maskValue(String field, String v) {
    if (v.isEmpty()) {
      return v;
    }
    if (field.toLowerCase().contains("email") && v.contains("@")) {
      String user = v.substring(0, v.indexOf('@'));
      String domain = v.substring(v.indexOf('@') + 1);
      String tld = domain.contains(".") ? domain.substring(domain.lastIndexOf('.')) : "";
      return first(user) + "***@***" + tld;
    }
    if (field.toLowerCase().contains("phone")) {
      String digits = v.replaceAll("\\D", "");
      return "***" + (digits.length() > 2 ? digits.substring(digits.length() - 2) : "");
    }
    return first(v) + "***";
  }

  private static String first(String s) {
    return s.isEmpty() ? "" : s.substring(0, s.offsetByCodePoints(0, 1));
  }
}
