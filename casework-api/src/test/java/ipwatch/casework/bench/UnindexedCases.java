package ipwatch.casework.bench;

import ipwatch.casework.cases.CaseFilter;
import ipwatch.casework.cases.CaseSummary;
import ipwatch.casework.cases.Page;
import ipwatch.casework.cases.PageRequest;
import ipwatch.casework.cases.PartyScope;
import ipwatch.casework.search.CaseIndex;

/**
 * The alert benchmark's stand-in for Elasticsearch: ingestion indexes each case after its transaction, which is not
 * on the path from flag to alert (the alert is written in the case's own transaction), so the benchmark leaves the
 * search index out instead of starting a node on a 2-core machine. Searching is refused.
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
