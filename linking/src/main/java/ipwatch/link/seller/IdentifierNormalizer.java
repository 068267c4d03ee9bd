package ipwatch.link.seller;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the identifiers a marketplace shows into comparable values. Each method answers empty for a value that
 * identifies nobody (blank, malformed, too short), so garbage never links two sellers.
 */
public final class IdentifierNormalizer {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
  // compiled once: these run for every identifier of every listing the seller-linking job reads
  private static final Pattern NON_DIGITS = Pattern.compile("\\D");
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]");
  private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");
  private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{32,}");
  private static final Pattern LICENCE_PREFIX = Pattern.compile(
      "^(BUSINESS\\s+)?(LICEN[CS]E|REG(ISTRATION)?|USCC|VAT|TAX\\s*ID|HRB|NO|NR|NUMBER|ID)\\b[.:#\\s]*"
          + "((NO|NR|NUMBER|ID)\\b[.:#\\s]*)?");
  private static final Pattern MOBILE_HOST = Pattern.compile("^(www|m|mobile)\\.");
  private static final Pattern HAS_SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://.*");
  /** Providers that ignore dots in the local part (Gmail does; most others treat them as significant). */
  private static final Set<String> DOTLESS = Set.of("gmail.com", "googlemail.com");
  /** Query parameters that name a shop or account; every other parameter (tracking, sorting) is dropped. */
  private static final Set<String> ID_PARAMS =
      Set.of("id", "shopid", "shop_id", "sellerid", "seller_id", "seller", "storeid", "store_id", "user", "userid",
          "me", "mid");

  private IdentifierNormalizer() {}

  /** Lower-cased; a plus tag dropped; for Gmail the dots too, and googlemail.com is gmail.com. */
  public static Optional<String> email(String raw) {
    String e = clean(raw).toLowerCase(Locale.ROOT);
    e = e.startsWith("mailto:") ? e.substring("mailto:".length()) : e;
    if (!EMAIL.matcher(e).matches()) {
      return Optional.empty();
    }
    int at = e.lastIndexOf('@');
    String local = e.substring(0, at);
    String domain = e.substring(at + 1);
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    if (DOTLESS.contains(domain)) {
      local = local.replace(".", "");
      domain = "gmail.com";
    }
    return local.isEmpty() ? Optional.empty() : Optional.of(local + "@" + domain);
  }

  /** E.164 ({@code +493012345678}); a number without country code is read in {@code region}. */
  public static Optional<String> phone(String raw, String region) {
    String p = clean(raw);
    if (NON_DIGITS.matcher(p).replaceAll("").length() < 6) {
      return Optional.empty();
    }
    if (p.startsWith("00")) {
      p = "+" + p.substring(2);
    }
    try {
      PhoneNumber n = PHONES.parse(p, region == null ? "ZZ" : region.toUpperCase(Locale.ROOT));
      return PHONES.isPossibleNumber(n)
          ? Optional.of(PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Letters and digits only, upper-cased, with a leading label ("Reg. No.", "USCC:") removed: licence numbers are
   * printed with spaces and dashes by some marketplaces and without by others.
   */
  public static Optional<String> businessLicense(String raw) {
    String s = LICENCE_PREFIX.matcher(clean(raw).toUpperCase(Locale.ROOT)).replaceFirst("");
    s = NON_ALPHANUMERIC.matcher(s).replaceAll("");
    return s.length() < 5 || s.chars().noneMatch(Character::isDigit) ? Optional.empty() : Optional.of(s);
  }

  /** See {@link AddressNormalizer}. */
  public static Optional<String> address(String raw) {
    return AddressNormalizer.normalize(clean(raw));
  }

  /**
   * A storefront or payment link as host + path: scheme, {@code www.}/{@code m.}, fragment, trailing slash and every
   * query parameter except shop/account ids are dropped, host and path lower-cased.
   */
  public static Optional<String> link(String raw) {
    String s = clean(raw);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (!HAS_SCHEME.matcher(s).matches()) {
      s = "https://" + s;
    }
    try {
      URI u = URI.create(s.replace(" ", "%20"));
      if (u.getHost() == null) {
        return Optional.empty();
      }
      String host = MOBILE_HOST.matcher(u.getHost().toLowerCase(Locale.ROOT)).replaceFirst("");
      String path =
          u.getPath() == null ? "" : TRAILING_SLASHES.matcher(u.getPath().toLowerCase(Locale.ROOT)).replaceAll("");
      String query = keptParams(u.getRawQuery());
      return Optional.of(host + path + (query.isEmpty() ? "" : "?" + query));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** An image hash as lower-case hex; anything shorter than 32 hex digits is not a content hash. */
  public static Optional<String> imageHash(String raw) {
    String h = clean(raw).toLowerCase(Locale.ROOT);
    return HEX_HASH.matcher(h).matches() ? Optional.of(h) : Optional.empty();
  }

  private static String keptParams(String rawQuery) {
    if (rawQuery == null) {
      return "";
    }
    StringBuilder kept = new StringBuilder();
    for (String param : rawQuery.split("&")) {
      String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (ID_PARAMS.contains(name)) {
        kept.append(kept.length() == 0 ? "" : "&").append(param.toLowerCase(Locale.ROOT));
      }
    }
    return kept.toString();
  }

  private static String clean(String raw) {
    return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
  }
}
