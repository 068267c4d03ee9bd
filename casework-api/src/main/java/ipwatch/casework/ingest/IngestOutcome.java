package ipwatch.casework.ingest;

import ipwatch.casework.cases.CaseSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What became of one record from the infringements topic. */
public sealed interface IngestOutcome {

  /** A new case, with its CASE_OPENED event. */
  record Opened(CaseSummary kase) implements IngestOutcome {}

  /** The listing and asset already had a case; nothing was written. */
  record AlreadyOpen(CaseSummary kase) implements IngestOutcome {}

  /** The listing and asset already had a case and the flag changed its score or signals: the case was re-scored. */
  record Rescored(CaseSummary kase) implements IngestOutcome {}

  /** The record could not be read or stored as a case; it is in ingest_dead_letters with this cause. */
  record DeadLettered(String cause) implements IngestOutcome {}

  /** The case to (re-)index: also for AlreadyOpen, since an earlier attempt may have failed after the commit. */
  default Optional<CaseSummary> caseToIndex() {
    if (this instanceof Opened o) {
      return Optional.of(o.kase());
    }
    if (this instanceof AlreadyOpen a) {
      return Optional.of(a.kase());
    }
    if (this instanceof Rescored r) {
      return Optional.of(r.kase());
    }
    return Optional.empty();
  }

  /**
   * The cases a batch's outcomes ask to index, one per case id (the highest version: a case re-scored later in the same
   * batch is written once, as it stands after the batch), in order of first appearance.
   */
  static List<CaseSummary> casesToIndex(List<IngestOutcome> outcomes) {
    Map<UUID, CaseSummary> latest = new LinkedHashMap<>();
    for (IngestOutcome o : outcomes) {
      o.caseToIndex().ifPresent(k -> latest.merge(k.id(), k, (a, b) -> b.version() >= a.version() ? b : a));
    }
    return new ArrayList<>(latest.values());
  }
}
