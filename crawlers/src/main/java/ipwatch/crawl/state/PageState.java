package ipwatch.crawl.state;

import ipwatch.crawl.fetch.Validators;
import java.time.Instant;

/**
 * What the crawler remembers about one canonical URL between runs: how deep it was found, the validators for a
 * conditional GET, the SHA-256 of the body last emitted as a listing (null for hubs) and when it was last fetched.
 */
public record PageState(String url, int depth, Validators validators, String contentSha256, Instant fetchedAt) {
  public PageState {
    validators = validators == null ? Validators.NONE : validators;
  }

  public PageState withFetch(Validators v, String sha256, Instant at) {
    return new PageState(url, depth, v == null || v.isEmpty() ? validators : v,
        sha256 == null ? contentSha256 : sha256, at);
  }
}
