package ipwatch.crawl.url;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;

/**
 * Canonical URLs already queued. Caffeine bounds memory on a long crawl; an evicted URL may be fetched twice, which
 * costs a request but not correctness (the listing id is the same).
 */
public final class SeenUrls {
  private final Cache<String, Boolean> seen;

  public SeenUrls(int maxEntries) {
    this.seen = Caffeine.newBuilder().maximumSize(maxEntries).build();
  }

  /** True when the URL was not seen before (and is now). */
  public boolean markNew(URI canonical) {
    return seen.asMap().putIfAbsent(canonical.toString(), Boolean.TRUE) == null;
  }
}
