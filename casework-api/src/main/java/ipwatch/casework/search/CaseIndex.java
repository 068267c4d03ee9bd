package ipwatch.casework.search;

import ipwatch.casework.cases.CaseFilter;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.cases.Page;
import ipwatch.casework.cases.PageRequest;
import ipwatch.casework.cases.PartyScope;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The search index of cases. Blocking calls: the HTTP layer runs them on worker threads, the ingestion thread calls
 * them directly. Every failure to reach the index is a {@link CaseIndexUnavailableException}.
 */
public interface CaseIndex extends AutoCloseable {

  /** Creates the index with its mapping when it does not exist yet (safe to call from several instances). */
  void ensureIndex();

  /**
   * Writes the case under its id. Versioned by the case's row version, so a stale write after a newer one is a
   * no-op and re-indexing the same version is idempotent.
   */
  void index(CaseSummary kase);

  /**
   * Writes several cases, each as {@link #index} would (versioned, so stale or repeated writes are no-ops), in as few
   * requests as the index allows. Throws when any case could not be written, so the caller retries the whole list.
   */
  default void indexAll(List<CaseSummary> cases) {
    cases.forEach(this::index);
  }

  /** Full-text search restricted to {@code scope} inside the query, so hits and totals are both scoped. */
  default Page<CaseSummary> search(PartyScope scope, String text, PageRequest page) {
    return search(scope, new CaseFilter(Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
        Optional.empty(), Optional.ofNullable(text)), page);
  }

  /** As above with the list's filters (status, platform, jurisdiction, priority, deadline) inside the query too. */
  Page<CaseSummary> search(PartyScope scope, CaseFilter filter, PageRequest page);

  /** Whether the cluster answers and is not red. Never throws. */
  boolean healthy();

  @Override
  void close();

  /** The index cannot be reached or refused the request. The message is for logs, not for clients. */
  final class CaseIndexUnavailableException extends RuntimeException {
    public CaseIndexUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
