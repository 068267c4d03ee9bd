package ipwatch.crawl.robots;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import ipwatch.crawl.fetch.FetchResult;
import ipwatch.crawl.url.UrlCanonicalizer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * robots.txt per host (crawler-commons: Disallow/Allow with wildcards, Crawl-delay, Sitemap lines), cached with a TTL.
 * A missing robots.txt (4xx) allows everything; a server error or unreachable host disallows the host for this TTL,
 * as RFC 9309 §2.3.1.3 recommends, so we do not hammer a failing site.
 */
public final class RobotsPolicy {
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Cache<String, BaseRobotRules> cache;
  private final List<String> agentNames;
  private final Function<URI, FetchResult> fetchRobots;

  /** @param fetchRobots fetches a robots.txt URL (text/plain accepted, redirects followed) */
  public RobotsPolicy(String robotsAgent, Duration ttl, Duration maxCrawlDelay, Function<URI, FetchResult> fetchRobots) {
    this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    this.agentNames = List.of(robotsAgent.toLowerCase(java.util.Locale.ROOT));
    this.fetchRobots = fetchRobots;
    parser.setMaxCrawlDelay(maxCrawlDelay.toMillis());
  }

  public boolean isAllowed(URI url) {
    return rulesFor(url).isAllowed(url.toString());
  }

  /** The host's Crawl-delay, or zero when it has none. */
  public Duration crawlDelay(URI url) {
    long ms = rulesFor(url).getCrawlDelay();
    return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms < 0 ? Duration.ZERO : Duration.ofMillis(ms);
  }

  public List<String> sitemaps(URI url) {
    return rulesFor(url).getSitemaps();
  }

  private BaseRobotRules rulesFor(URI url) {
    String key = url.getScheme() + "://" + UrlCanonicalizer.hostKey(url);
    return cache.get(key, k -> load(URI.create(k + "/robots.txt")));
  }

  private BaseRobotRules load(URI robotsUrl) {
    FetchResult r = fetchRobots.apply(robotsUrl);
    if (r.ok()) {
      return parser.parseContent(robotsUrl.toString(), r.body(), r.contentType(), agentNames);
    }
    // crawler-commons maps 4xx to allow-all and 5xx (and 0 = no answer) to disallow-all with deferred visits
    int status = r.status() == 0 ? 500 : r.status();
    return parser.failedFetch(status);
  }
}
