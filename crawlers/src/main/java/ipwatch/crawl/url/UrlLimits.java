package ipwatch.crawl.url;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Refuses crawler traps before they reach the frontier: overlong URLs, repeating paths, query explosions. */
public final class UrlLimits {
  private final int maxUrlLength;
  private final int maxRepeatedPathSegments;
  private final int maxQueryParams;

  public UrlLimits(int maxUrlLength, int maxRepeatedPathSegments, int maxQueryParams) {
    this.maxUrlLength = maxUrlLength;
    this.maxRepeatedPathSegments = maxRepeatedPathSegments;
    this.maxQueryParams = maxQueryParams;
  }

  /** Why the URL is refused, or empty when it may be crawled. */
  public Optional<String> refusal(URI uri) {
    String s = uri.toString();
    if (s.length() > maxUrlLength) {
      return Optional.of("URL longer than " + maxUrlLength + " characters");
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String segment : uri.getRawPath().split("/")) {
      if (!segment.isEmpty() && counts.merge(segment, 1, Integer::sum) > maxRepeatedPathSegments) {
        return Optional.of("path segment '" + segment + "' repeats more than " + maxRepeatedPathSegments + " times");
      }
    }
    String q = uri.getRawQuery();
    if (q != null && q.split("&").length > maxQueryParams) {
      return Optional.of("more than " + maxQueryParams + " query parameters");
    }
    return Optional.empty();
  }
}
