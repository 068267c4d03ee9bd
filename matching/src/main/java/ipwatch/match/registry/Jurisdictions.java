package ipwatch.match.registry;

import ipwatch.model.Listing;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a listing is offered, as far as the listing itself tells: the country-code domain of its URL
 * (amazon.de → DE), else its currency when that currency belongs to one market (EUR → EU, GBP → GB, CNY → CN).
 * US dollars say nothing: cross-border marketplaces price everything in them. A trademark registered in "EU"
 * covers every member state; a listing whose market is unknown is checked against every mark (missing a
 * counterfeit is worse than a flag a reviewer dismisses).
 */
public final class Jurisdictions {
  private Jurisdictions() {}

  static final Set<String> EU_MEMBERS =
      Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
          "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

  private static final Map<String, String> BY_CURRENCY =
      Map.ofEntries(
          Map.entry("EUR", "EU"), Map.entry("GBP", "GB"), Map.entry("CNY", "CN"), Map.entry("RMB", "CN"),
          Map.entry("JPY", "JP"), Map.entry("KRW", "KR"), Map.entry("INR", "IN"), Map.entry("CAD", "CA"),
          Map.entry("AUD", "AU"), Map.entry("CHF", "CH"), Map.entry("SEK", "SE"), Map.entry("PLN", "PL"),
          Map.entry("DKK", "DK"), Map.entry("CZK", "CZ"), Map.entry("HUF", "HU"), Map.entry("RON", "RO"),
          Map.entry("NOK", "NO"), Map.entry("BRL", "BR"), Map.entry("MXN", "MX"), Map.entry("TRY", "TR"),
          Map.entry("KZT", "KZ"), Map.entry("RUB", "RU"), Map.entry("HKD", "HK"), Map.entry("TWD", "TW"),
          Map.entry("SGD", "SG"), Map.entry("NZD", "NZ"), Map.entry("ZAR", "ZA"));

  /** The market of the listing (ISO 3166 alpha-2, or "EU"), when the listing shows it. */
  public static Optional<String> of(Listing listing) {
    Optional<String> byDomain = countryDomain(listing.url());
    if (byDomain.isPresent()) {
      return byDomain;
    }
    if (listing.price() == null || listing.price().currency() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_CURRENCY.get(listing.price().currency().trim().toUpperCase(Locale.ROOT)));
  }

  /** Whether a right registered in {@code registered} reaches a listing offered in {@code market}. */
  public static boolean covers(Iterable<String> registered, String market) {
    for (String r : registered) {
      String code = r.trim().toUpperCase(Locale.ROOT);
      if (code.equals(market)
          || (code.equals("EU") && EU_MEMBERS.contains(market))
          || (market.equals("EU") && EU_MEMBERS.contains(code))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> countryDomain(String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      String host = URI.create(url.trim()).getHost();
      if (host == null) {
        return Optional.empty();
      }
      String tld = host.substring(host.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
      if (tld.length() != 2 || !Character.isLetter(tld.charAt(0))) {
        return Optional.empty();
      }
      return Optional.of(tld.equals("UK") ? "GB" : tld);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
