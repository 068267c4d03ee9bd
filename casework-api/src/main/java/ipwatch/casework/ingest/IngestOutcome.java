package ipwatch.casework.ingest;

import ipwatch.casework.cases.CaseSummary;
import java.util.Optional;

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

  /** The case the record opened, found open or re-scored; empty for a dead letter. */
  default Optional<CaseSummary> foundCase() {
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
}
