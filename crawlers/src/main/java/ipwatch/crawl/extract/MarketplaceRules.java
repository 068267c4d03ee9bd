package ipwatch.crawl.extract;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One marketplace from config/marketplaces/&lt;id&gt;.yaml: which hosts belong to it, its own politeness, the currency a
 * bare number or "$" means there, and CSS rules for fields the structured markup leaves empty.
 *
 * @param productWhen a field name whose CSS rule matching makes a page a listing even without product markup
 * @param recrawlAfter how long a fetched page of this marketplace is left alone (else crawler.yaml recrawl.after)
 */
public record MarketplaceRules(
    String id,
    List<String> hosts,
    Optional<Duration> minDelay,
    String currency,
    Map<String, CssRule> extract,
    List<String> productWhen,
    Optional<Duration> recrawlAfter) {

  public MarketplaceRules(String id, List<String> hosts, Optional<Duration> minDelay, String currency,
      Map<String, CssRule> extract, List<String> productWhen) {
    this(id, hosts, minDelay, currency, extract, productWhen, Optional.empty());
  }

  public MarketplaceRules {
    hosts = List.copyOf(hosts);
    extract = Map.copyOf(extract);
    productWhen = List.copyOf(productWhen);
  }

  /** A host nobody configured: its own marketplace, named after the host without "www.". */
  public static MarketplaceRules unknown(String host) {
    String id = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\d?\\.", "");
    return new MarketplaceRules(id, List.of(host), Optional.empty(), null, Map.of(), List.of());
  }

  boolean covers(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return hosts.stream().anyMatch(x -> h.equals(x) || h.endsWith("." + x));
  }
}
