package ipwatch.casework.evidence;

import ipwatch.model.Hashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One link of a case's evidence chain. {@link #hash} commits to every field and to the previous link's hash, so
 * changing, dropping, inserting or reordering any entry changes every hash after it. The same code computes the hash
 * when evidence is added and when a bundle is verified offline ({@link VerifyEvidenceMain}).
 */
public record ChainEntry(String caseId, int seq, String kind, String name, String sha256, long bytes,
    String contentType, String addedBy, Instant addedAt, String prevHash) {

  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);
  static final String FORMAT = "ipwatch-evidence-chain-v1";

  /** Timestamps are kept to the millisecond so that the database round trip cannot change a hashed value. */
  public static Instant normalise(Instant t) {
    return t.truncatedTo(ChronoUnit.MILLIS);
  }

  public String hash() {
    String canonical = String.join("\n", FORMAT, caseId, Integer.toString(seq), kind, name, sha256,
        Long.toString(bytes), contentType, addedBy, normalise(addedAt).toString(), prevHash);
    return Hashes.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
  }
}
