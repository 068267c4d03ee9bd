package ipwatch.match.bench;

import ipwatch.match.text.Normalizer;
import ipwatch.model.Listing;
import ipwatch.model.Trademark;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The comparison the issue asks for: Lucene's monitor (percolator-style: marks stored as queries, each listing
 * matched against them), set up with the nearest equivalent of our matcher: a term or phrase query per mark over
 * brand field and title, and with {@code fuzzy} a one-edit {@link FuzzyQuery} alongside for marks of five letters
 * or more. It finds candidate marks only; placement, context, gating and scoring would still be to do.
 */
final class MonitorBaseline implements AutoCloseable {
  private static final String FIELD = "text";
  private final Monitor monitor;
  private long queriesRun;
  private long listings;

  MonitorBaseline(List<Trademark> marks, boolean fuzzy) throws IOException {
    // the presearcher is what makes a monitor scale: it indexes each query's terms, and a listing only runs the
    // queries whose terms it contains. TermFilteredPresearcher is Lucene's default, named here so the set-up is
    // visible. It cannot narrow a FuzzyQuery (a multi-term query tells it "any term"), so with fuzzy queries every
    // fuzzy mark runs on every listing; that is the monitor's design, not a mis-configuration.
    monitor = new Monitor(new StandardAnalyzer(), new TermFilteredPresearcher());
    List<MonitorQuery> batch = new ArrayList<>();
    for (Trademark tm : marks) {
      String[] words = Normalizer.normalize(tm.mark()).split(" ");
      if (words.length == 0 || words[0].isEmpty()) {
        continue;
      }
      batch.add(new MonitorQuery(tm.assetId(), query(words, fuzzy)));
    }
    // one call: every register() refreshes the monitor's term filter over all queries so far, so batches cost
    // quadratic time (10k batches took over ten minutes for a million marks)
    monitor.register(batch);
  }

  private static Query query(String[] words, boolean fuzzy) {
    Query exact = words.length == 1 ? new TermQuery(new Term(FIELD, words[0])) : new PhraseQuery(FIELD, words);
    if (!fuzzy || words.length > 1 || words[0].length() < 5) {
      return exact;
    }
    return new BooleanQuery.Builder()
        .add(exact, BooleanClause.Occur.SHOULD)
        .add(new FuzzyQuery(new Term(FIELD, words[0]), 1), BooleanClause.Occur.SHOULD)
        .build();
  }

  int match(Listing listing) throws IOException {
    Document doc = new Document();
    doc.add(new TextField(FIELD, (listing.brand() == null ? "" : listing.brand()) + " " + listing.title(),
        Field.Store.NO));
    MatchingQueries<QueryMatch> result = monitor.match(doc, QueryMatch.SIMPLE_MATCHER);
    queriesRun += result.getQueriesRun();
    listings++;
    return result.getMatchCount();
  }

  /**
   * How many mark queries the monitor ran per listing on average: what its presearcher let through. Far below the
   * number of marks means the presearcher works (only queries sharing a term with the listing run).
   */
  double queriesRunPerListing() {
    return listings == 0 ? 0 : (double) queriesRun / listings;
  }

  @Override
  public void close() throws IOException {
    monitor.close();
  }
}
