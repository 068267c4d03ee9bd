package ipwatch.crawl;

import ipwatch.crawl.extract.ExtractedPage;
import ipwatch.crawl.extract.ListingExtractor;
import ipwatch.crawl.fetch.FetchResult;
import ipwatch.crawl.sink.ListingSink;
import ipwatch.model.EvidenceStore;
import ipwatch.model.Hashes;
import ipwatch.model.Snapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A fetched HTML page becomes at most one listing: parsed (in the declared charset, else the page's own), extracted,
 * snapshotted into the evidence store and emitted, unless its bytes are the ones we emitted last time. The same code
 * for the one-shot crawl and for the Kafka-fed service.
 */
final class PageHandler {
  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");

  enum Outcome { EMITTED, UNCHANGED, HUB }

  /**
   * @param contentSha256 the body's hash when it is a listing (emitted now or before), else null
   * @param emitted completes when the listing is handed to the sink (image hashes first); fails if the sink refused it
   */
  record Result(Outcome outcome, String contentSha256, Document document, CompletableFuture<Void> emitted) {}

  private static final CompletableFuture<Void> NOTHING_TO_EMIT = CompletableFuture.completedFuture(null);

  private final ListingExtractor extractor;
  private final EvidenceStore evidence;
  private final ListingSink listings;
  private final ImageHasher images;

  PageHandler(ListingExtractor extractor, EvidenceStore evidence, ListingSink listings, ImageHasher images) {
    this.extractor = extractor;
    this.evidence = evidence;
    this.listings = listings;
    this.images = images;
  }

  Result handle(URI finalUrl, FetchResult r, String lastEmittedSha256) {
    Document doc = parse(r, finalUrl);
    Optional<ExtractedPage> product = extractor.extract(finalUrl, doc);
    if (product.isEmpty()) {
      return new Result(Outcome.HUB, null, doc, NOTHING_TO_EMIT);
    }
    String sha = Hashes.sha256Hex(r.body());
    if (sha.equals(lastEmittedSha256)) {
      return new Result(Outcome.UNCHANGED, sha, doc, NOTHING_TO_EMIT); // same bytes as the listing we already emitted
    }
    Snapshot snapshot = evidence.put(r.body(), r.contentType());
    CompletableFuture<Void> emitted =
        images.withHashes(product.get().toListing(snapshot, Instant.now())).thenAccept(listings::accept);
    return new Result(Outcome.EMITTED, sha, doc, emitted);
  }

  static Document parse(FetchResult r, URI base) {
    String charset = null;
    Matcher m = CHARSET.matcher(r.contentType() == null ? "" : r.contentType());
    if (m.find() && Charset.isSupported(m.group(1))) {
      charset = m.group(1);
    }
    try {
      return Jsoup.parse(new ByteArrayInputStream(r.body()), charset, base.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
