package ipwatch.model;

import java.util.Optional;

/**
 * Content-addressed store of what the crawler saw. Crawlers write; casework reads. The address is the SHA-256 of the
 * bytes, so storing the same page twice is a no-op and any change to stored bytes is detectable.
 */
public interface EvidenceStore {
  Snapshot put(byte[] content, String contentType);

  Optional<byte[]> get(String sha256);
}
