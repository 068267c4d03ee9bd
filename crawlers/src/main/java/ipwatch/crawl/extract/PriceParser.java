package ipwatch.crawl.extract;

import ipwatch.model.Money;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prices as shops write them, by the conventions of their currency: "2.449" in ARS is 2449, "1 299,00 €" is 1299.00
 * EUR, "¥3,280" is 3280 JPY, "US $12.99" is 12.99 USD. Amounts stay decimal strings, never doubles.
 */
public final class PriceParser {
  /** "1.234.567.890.123,99" is 20 characters; a longer run of digits and separators is not a price. */
  static final int MAX_AMOUNT_CHARS = 40;

  private static final Pattern NUMBER = Pattern.compile(
      "\\d{1,3}(?:[ \\u00a0\\u202f\\u2009'’]\\d{3})+(?:[.,]\\d{1,2})?(?!\\d)|\\d[\\d.,]*");

  private PriceParser() {}

  /**
   * @param text the price as shown, or a structured price ("15.99")
   * @param currencyHint ISO code from the page's markup or the marketplace; an explicit code or symbol in the text
   *     wins, except a bare "$", which the hint may refine (CLP, ARS, CAD, ...)
   */
  public static Optional<Money> parse(String text, String currencyHint) {
    if (text == null) {
      return Optional.empty();
    }
    String hint = Currencies.toIso(currencyHint);
    String currency = Currencies.detect(text).orElse(hint);
    if (hint != null && Currencies.onlyDollarSign(text) && Currencies.isDollarLike(hint)) {
      currency = hint;
    }
    Matcher m = NUMBER.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String iso = currency;
    return amount(m.group(), iso).map(a -> new Money(a, iso));
  }

  static Optional<String> amount(String raw, String currency) {
    if (raw.length() > MAX_AMOUNT_CHARS) {
      return Optional.empty(); // no price has this many digits, and BigDecimal parsing of a huge one is quadratic
    }
    String s = raw.replaceAll("[\\s\\u00a0\\u202f\\u2009'’]", "");
    s = s.replaceAll("[.,]+$", "");
    int dot = s.lastIndexOf('.');
    int comma = s.lastIndexOf(',');
    String normalized;
    if (dot >= 0 && comma >= 0) {
      char decimal = dot > comma ? '.' : ',';
      char group = decimal == '.' ? ',' : '.';
      normalized = s.replace(String.valueOf(group), "").replace(decimal, '.');
    } else if (dot >= 0 || comma >= 0) {
      char sep = dot >= 0 ? '.' : ',';
      normalized = single(s, sep, currency);
    } else {
      normalized = s;
    }
    try {
      BigDecimal value = new BigDecimal(normalized);
      return value.signum() < 0 ? Optional.empty() : Optional.of(value.toPlainString());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** One kind of separator: repeated, or followed by exactly three digits where that is the grouping habit, groups. */
  private static String single(String s, char sep, String currency) {
    int count = (int) s.chars().filter(c -> c == sep).count();
    int tail = s.length() - s.lastIndexOf(sep) - 1;
    boolean grouping;
    if (count > 1) {
      grouping = true;
    } else if (tail == 3) {
      boolean dotGroups = Currencies.groupsWithDot(currency);
      grouping = Currencies.zeroDecimals(currency) || (sep == '.' ? dotGroups : !dotGroups);
    } else {
      grouping = false;
    }
    return grouping ? s.replace(String.valueOf(sep), "") : s.replace(sep, '.');
  }
}
