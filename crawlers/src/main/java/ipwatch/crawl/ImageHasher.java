package ipwatch.crawl;

import ipwatch.crawl.fetch.FetchResult;
import ipwatch.crawl.fetch.Validators;
import ipwatch.crawl.url.UrlCanonicalizer;
import ipwatch.model.EvidenceStore;
import ipwatch.model.Image;
import ipwatch.model.Listing;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills {@code images[].sha256}: the first {@code maxPerListing} images of a listing are fetched (robots.txt and host
 * politeness as for pages, image content types only, at most the page byte limit), stored in the evidence store and
 * hashed, so a case can show the pictures the seller used. Images already hashed in this process are not fetched
 * again (shops reuse one picture across many listings). Failures leave the hash empty; they are not crawl errors.
 */
final class ImageHasher {
  private static final int MAX_REMEMBERED = 100_000;
  private final PoliteFetch fetch;
  private final EvidenceStore evidence;
  private final int maxPerListing;
  private final Map<String, String> known = new ConcurrentHashMap<>();

  ImageHasher(PoliteFetch fetch, EvidenceStore evidence, int maxPerListing) {
    this.fetch = fetch;
    this.evidence = evidence;
    this.maxPerListing = maxPerListing;
  }

  Listing withHashes(Listing l) {
    if (maxPerListing <= 0 || l.images().isEmpty()) {
      return l;
    }
    List<Image> out = new ArrayList<>();
    for (Image img : l.images()) {
      String sha = out.size() < maxPerListing ? hash(l.url(), img.url()).orElse(null) : null;
      out.add(new Image(img.url(), sha));
    }
    return new Listing(l.listingId(), l.marketplace(), l.url(), l.title(), l.description(), l.brand(), l.category(),
        l.price(), l.seller(), out, l.gtin(), l.sku(), l.mpn(), l.fetchedAt(), l.snapshot());
  }

  private Optional<String> hash(String page, String imageUrl) {
    Optional<URI> url;
    try {
      url = UrlCanonicalizer.canonicalize(URI.create(page).resolve(imageUrl.replace(" ", "%20")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (url.isEmpty()) {
      return Optional.empty();
    }
    if (!fetch.allowed(url.get())) {
      return Optional.empty();
    }
    String key = url.get().toString();
    String cached = known.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    try {
      FetchResult r = fetch.fetchNow(url.get(), t -> t.startsWith("image/"), Validators.NONE).result();
      if (!r.ok() || r.body().length == 0) {
        return Optional.empty();
      }
      String sha = evidence.put(r.body(), r.contentType()).sha256();
      if (known.size() < MAX_REMEMBERED) {
        known.put(key, sha);
      }
      return Optional.of(sha);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
