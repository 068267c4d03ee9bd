package ipwatch.casework.bench;

import ipwatch.casework.cases.CaseFilter;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.cases.Page;
import ipwatch.casework.cases.PageRequest;
import ipwatch.casework.cases.PartyScope;
import ipwatch.casework.search.CaseIndex;

/**
 * {@link IngestBatchBench}'s stand-in for Elasticsearch with {@code --index false}: the cases go nowhere, so the
 * figures are PostgreSQL's alone. Searching is refused.
 */
final class UnindexedCases implements CaseIndex {
  @Override
  public void ensureIndex() {}

  @Override
  public void index(CaseSummary kase) {}

  @Override
  public Page<CaseSummary> search(PartyScope scope, CaseFilter filter, PageRequest page) {
    throw new UnsupportedOperationException("the alert benchmark has no search index");
  }

  @Override
  public boolean healthy() {
    return true;
  }

  @Override
  public void close() {}
}
