package ipwatch.crawl.extract;

import java.util.Map;

/** The currency a shop most likely prices in, from its country-code domain, for prices shown without a code. */
final class CurrencyHints {
  private static final Map<String, String> BY_SUFFIX = Map.ofEntries(
      Map.entry(".co.uk", "GBP"), Map.entry(".uk", "GBP"), Map.entry(".ie", "EUR"), Map.entry(".de", "EUR"),
      Map.entry(".fr", "EUR"), Map.entry(".it", "EUR"), Map.entry(".es", "EUR"), Map.entry(".pt", "EUR"),
      Map.entry(".nl", "EUR"), Map.entry(".be", "EUR"), Map.entry(".at", "EUR"), Map.entry(".fi", "EUR"),
      Map.entry(".sk", "EUR"), Map.entry(".si", "EUR"), Map.entry(".lv", "EUR"), Map.entry(".lt", "EUR"),
      Map.entry(".ee", "EUR"), Map.entry(".gr", "EUR"), Map.entry(".ch", "CHF"), Map.entry(".pl", "PLN"),
      Map.entry(".ro", "RON"), Map.entry(".ru", "RUB"), Map.entry(".by", "BYN"), Map.entry(".kz", "KZT"),
      Map.entry(".in", "INR"), Map.entry(".br", "BRL"), Map.entry(".ar", "ARS"), Map.entry(".cl", "CLP"),
      Map.entry(".mx", "MXN"), Map.entry(".co", "COP"), Map.entry(".ca", "CAD"), Map.entry(".au", "AUD"),
      Map.entry(".nz", "NZD"), Map.entry(".jp", "JPY"), Map.entry(".cn", "CNY"), Map.entry(".tw", "TWD"),
      Map.entry(".kr", "KRW"), Map.entry(".il", "ILS"), Map.entry(".sa", "SAR"), Map.entry(".se", "SEK"),
      Map.entry(".dk", "DKK"), Map.entry(".no", "NOK"), Map.entry(".cz", "CZK"), Map.entry(".hu", "HUF"),
      Map.entry(".tr", "TRY"), Map.entry(".ua", "UAH"), Map.entry(".com", "USD"));

  private CurrencyHints() {}

  static String forHost(String host) {
    String best = null;
    for (var e : BY_SUFFIX.entrySet()) {
      if (host.endsWith(e.getKey()) && (best == null || e.getKey().length() > best.length())) {
        best = e.getKey();
      }
    }
    return best == null ? null : BY_SUFFIX.get(best);
  }
}
