package ipwatch.casework.evidence;

import ipwatch.casework.Refusal;
import ipwatch.model.EvidenceStore;
import ipwatch.model.Snapshot;
import java.util.Optional;

/** Used when evidence.dir is unset: nothing can be stored, snapshots are listed but not included in exports. */
public final class NoEvidenceStore implements EvidenceStore {
  @Override
  public Snapshot put(byte[] content, String contentType) {
    throw new Refusal(409, "This deployment has no evidence store (evidence.dir); content cannot be uploaded.");
  }

  @Override
  public Optional<byte[]> get(String sha256) {
    return Optional.empty();
  }
}
