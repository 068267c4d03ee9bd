package ipwatch.crawl.extract;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Currency symbols and codes as shops write them, and the number conventions that go with each currency. */
final class Currencies {
  /** Longest symbols first, so "US $" wins over "$" and "R$" over "$". */
  private static final Map<String, String> SYMBOLS = new LinkedHashMap<>();

  static {
    for (String[] s : new String[][] {
      {"US$", "USD"}, {"US $", "USD"}, {"CA$", "CAD"}, {"C$", "CAD"}, {"AU$", "AUD"}, {"A$", "AUD"},
      {"NZ$", "NZD"}, {"HK$", "HKD"}, {"NT$", "TWD"}, {"S$", "SGD"}, {"R$", "BRL"}, {"MX$", "MXN"},
      {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"円", "JPY"}, {"元", "CNY"}, {"₹", "INR"}, {"₽", "RUB"},
      {"руб", "RUB"}, {"₴", "UAH"}, {"₩", "KRW"}, {"₪", "ILS"}, {"₺", "TRY"}, {"₸", "KZT"}, {"тг", "KZT"},
      {"zł", "PLN"}, {"Kč", "CZK"}, {"Ft", "HUF"}, {"lei", "RON"}, {"Lei", "RON"}, {"ر.س", "SAR"}, {"лв", "BGN"},
      {"Fr.", "CHF"}, {"₫", "VND"}, {"฿", "THB"}, {"₱", "PHP"}, {"$", "USD"}
    }) {
      SYMBOLS.put(s[0], s[1]);
    }
  }

  /** Where the dot groups thousands and the comma marks decimals. */
  private static final Set<String> DOT_GROUPING = Set.of("EUR", "ARS", "BRL", "CLP", "COP", "IDR", "TRY", "VND",
      "DKK", "ISK", "RON", "HRK", "RSD", "UYU", "PYG", "BOB", "VES");
  /** Currencies without minor units in everyday prices: "3.280" can only be thousands. */
  private static final Set<String> ZERO_DECIMALS = Set.of("JPY", "KRW", "CLP", "VND", "ISK", "HUF", "TWD", "PYG",
      "IDR", "COP", "KZT");
  private static final Pattern ISO = Pattern.compile("(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])");
  private static final List<String> DOLLAR_LIKE = List.of("USD", "CAD", "AUD", "NZD", "HKD", "TWD", "SGD", "MXN",
      "ARS", "CLP", "COP", "UYU");

  private Currencies() {}

  /** The currency named in the text: an ISO code first, then the longest matching symbol. */
  static Optional<String> detect(String text) {
    Matcher m = ISO.matcher(text);
    while (m.find()) {
      if (isIso(m.group(1))) {
        return Optional.of(m.group(1));
      }
    }
    for (Map.Entry<String, String> e : SYMBOLS.entrySet()) {
      if (text.contains(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** A bare "$" is also the peso's and many dollars' sign; the hint (page or marketplace currency) decides. */
  static boolean onlyDollarSign(String text) {
    return text.contains("$") && SYMBOLS.keySet().stream()
        .filter(s -> s.length() > 1 && s.contains("$")).noneMatch(text::contains);
  }

  static boolean isDollarLike(String iso) {
    return DOLLAR_LIKE.contains(iso);
  }

  static boolean isIso(String code) {
    if (code == null || code.length() != 3) {
      return false;
    }
    try {
      Currency.getInstance(code.toUpperCase(Locale.ROOT));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean groupsWithDot(String iso) {
    return iso != null && DOT_GROUPING.contains(iso);
  }

  static boolean zeroDecimals(String iso) {
    return iso != null && ZERO_DECIMALS.contains(iso);
  }

  /** Normalises a code or symbol to ISO 4217, or null. */
  static String toIso(String codeOrSymbol) {
    if (codeOrSymbol == null) {
      return null;
    }
    String t = codeOrSymbol.trim();
    if (t.equalsIgnoreCase("RUR")) {
      return "RUB"; // the pre-1998 code, still in Yandex markup
    }
    if (isIso(t.toUpperCase(Locale.ROOT)) && t.length() == 3 && t.chars().allMatch(Character::isLetter)) {
      return t.toUpperCase(Locale.ROOT);
    }
    return detect(t).orElse(null);
  }
}
