package ipwatch.crawl.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import ipwatch.crawl.fetch.FetchResult;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Page URLs from a host's sitemaps (crawler-commons: XML, text, RSS/Atom, indexes, gzip). Starts from the robots.txt
 * Sitemap: lines, or /sitemap.xml when there are none. Nested indexes are followed breadth-first up to a URL budget.
 */
public final class SitemapDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(SitemapDiscovery.class);
  private static final int MAX_SITEMAP_FILES = 1000;
  private final SiteMapParser parser = new SiteMapParser(false);
  private final Function<URI, FetchResult> fetch;
  private final int maxUrls;

  /** @param fetch fetches a sitemap file politely (XML, text and gzip content types accepted) */
  public SitemapDiscovery(Function<URI, FetchResult> fetch, int maxUrls) {
    this.fetch = fetch;
    this.maxUrls = maxUrls;
  }

  public List<URI> discover(URI site, List<String> robotsSitemaps, Consumer<FetchResult> onFailure) {
    Deque<URI> files = new ArrayDeque<>();
    if (robotsSitemaps.isEmpty()) {
      files.add(site.resolve("/sitemap.xml"));
    } else {
      robotsSitemaps.forEach(s -> parse(s).ifPresent(files::add));
    }
    Set<URI> done = new HashSet<>();
    List<URI> pages = new ArrayList<>();
    while (!files.isEmpty() && pages.size() < maxUrls && done.size() < MAX_SITEMAP_FILES) {
      URI file = files.poll();
      if (!done.add(file)) {
        continue;
      }
      FetchResult r = fetch.apply(file);
      if (!r.ok()) {
        if (!robotsSitemaps.isEmpty()) {
          onFailure.accept(r); // a declared sitemap that fails is worth a record; a guessed /sitemap.xml is not
        }
        continue;
      }
      try {
        AbstractSiteMap map = parser.parseSiteMap(r.contentType(), r.body(), r.finalUrl().toURL());
        if (map instanceof SiteMapIndex index) {
          index.getSitemaps().forEach(m -> parse(m.getUrl().toString()).ifPresent(files::add));
        } else if (map instanceof SiteMap sm) {
          for (SiteMapURL u : sm.getSiteMapUrls()) {
            if (pages.size() >= maxUrls) {
              break;
            }
            parse(u.getUrl().toString()).ifPresent(pages::add);
          }
        }
      } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
        LOG.warn("unreadable sitemap {}: {}", file, e.getMessage());
      }
    }
    return pages;
  }

  private static java.util.Optional<URI> parse(String s) {
    try {
      return java.util.Optional.of(new URI(s.trim()));
    } catch (URISyntaxException e) {
      return java.util.Optional.empty();
    }
  }
}
