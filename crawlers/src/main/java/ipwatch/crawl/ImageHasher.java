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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills {@code images[].sha256}: the first {@code maxPerListing} images of a listing are fetched (robots.txt and host
 * politeness as for pages, image content types only, at most the page byte limit), stored in the evidence store and
 * hashed, so a case can show the pictures the seller used. Images already hashed in this process are not fetched
 * again (shops reuse one picture across many listings). Failures leave the hash empty; they are not crawl errors.
 *
 * <p>Image fetches are scheduled like page fetches and never wait on a pool thread: a blocking wait for the host's
 * next slot would sit behind every page already queued for that host, and with all workers waiting the crawl starves.
 * They go ahead of the host's queued pages, so a listing waits a delay or two for its image, not the host's backlog.
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

  /** The listing with its image hashes, once the (politely scheduled) image fetches are done. */
  CompletableFuture<Listing> withHashes(Listing l) {
    if (maxPerListing <= 0 || l.images().isEmpty()) {
      return CompletableFuture.completedFuture(l);
    }
    List<CompletableFuture<String>> hashes = new ArrayList<>();
    for (Image img : l.images()) {
      hashes.add(hashes.size() < maxPerListing ? hash(l.url(), img.url()) : CompletableFuture.completedFuture(null));
    }
    return CompletableFuture.allOf(hashes.toArray(CompletableFuture[]::new)).thenApply(v -> {
      List<Image> out = new ArrayList<>();
      for (int i = 0; i < l.images().size(); i++) {
        out.add(new Image(l.images().get(i).url(), hashes.get(i).join()));
      }
      return new Listing(l.listingId(), l.marketplace(), l.url(), l.title(), l.description(), l.brand(),
          l.category(), l.price(), l.seller(), out, l.gtin(), l.sku(), l.mpn(), l.fetchedAt(), l.snapshot());
    });
  }

  private CompletableFuture<String> hash(String page, String imageUrl) {
    Optional<URI> url;
    try {
      url = UrlCanonicalizer.canonicalize(URI.create(page).resolve(imageUrl.replace(" ", "%20")));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(null);
    }
    if (url.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    String key = url.get().toString();
    String cached = known.get(key);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    CompletableFuture<String> sha = new CompletableFuture<>();
    // ahead of the host's queued pages: the listing is held until its images are hashed
    fetch.submitFirst(url.get(), t -> t.startsWith("image/"), Validators.NONE, a -> {
      try {
        FetchResult r = a.result();
        if (!r.ok() || r.body().length == 0) {
          sha.complete(null);
          return;
        }
        String digest = evidence.put(r.body(), r.contentType()).sha256();
        if (known.size() < MAX_REMEMBERED) {
          known.put(key, digest);
        }
        sha.complete(digest);
      } catch (RuntimeException e) {
        sha.complete(null); // an image we cannot store leaves its hash empty; the listing still goes out
      }
    });
    return sha;
  }
}
