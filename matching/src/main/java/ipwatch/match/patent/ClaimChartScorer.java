package ipwatch.match.patent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Charts one claim against one listing. A row (preamble or element) is met when the listing contains its first term
 * (what the element is) and at least {@code elementMinTerms} of its terms, or {@code elementEnoughTerms} of them for
 * long elements; its strength is 0.8 x the
 * fraction of its terms found + 0.2 x the fraction of its two-term phrases found in the same order (a listing that
 * says "permanent magnet" meets "a permanent magnet" more surely than one with "magnet" here and "permanent" there).
 * The claim's score is the mean strength over all rows, unmet rows counting 0: it rises with how many elements are
 * met and how fully.
 */
public final class ClaimChartScorer {
  private static final int QUOTE_LIMIT = 240;
  private final PatentSettings settings;

  public ClaimChartScorer(PatentSettings settings) {
    this.settings = settings;
  }

  /** A charted row: the claim text, whether the listing meets it, how strongly (0..1) and the sentence that does. */
  public record RowResult(String element, boolean met, double strength, String listingText) {}

  public record ClaimScore(int claim, List<RowResult> rows, int met, double coverage, double score) {}

  public ClaimScore score(ChartedClaim claim, ListingTerms listing) {
    List<RowResult> rows = new ArrayList<>(claim.rows().size());
    int met = 0;
    double sum = 0;
    Map<String, Integer> rowsWithTerm = new HashMap<>();
    for (ChartedClaim.Row row : claim.rows()) {
      row.terms().forEach(t -> rowsWithTerm.merge(t, 1, Integer::sum));
    }
    for (ChartedClaim.Row row : claim.rows()) {
      RowResult r = row(row, listing, rowsWithTerm);
      rows.add(r);
      if (r.met()) {
        met++;
        sum += r.strength();
      }
    }
    int n = claim.rows().size();
    return new ClaimScore(claim.number(), rows, met, (double) met / n, sum / n);
  }

  private RowResult row(ChartedClaim.Row row, ListingTerms listing, Map<String, Integer> rowsWithTerm) {
    int found = 0;
    for (String t : row.terms()) {
      if (listing.has(t)) {
        found++;
      }
    }
    int k = row.terms().size();
    double termShare = (double) found / k;
    // an element is met by one passage of the listing (a sentence, or two in a row: "It has a lanyard. The lanyard
    // is ..."), not by its words scattered over the listing: claim elements share words ("the device", "the
    // housing"), and counting them anywhere made listings that describe half a claim look as if they met all of it.
    // The row's first term is what the element is ("a lanyard having ...", "a package containing ..."): the passage
    // must contain it.
    // Claims repeat themselves ("wherein said first distance is greater than said second distance" after the
    // elements that introduce both distances): a row that has words of its own (in no other row of the claim) is
    // met only when the passage says at least one of them, else the words of its neighbours would meet it.
    Passage best = bestPassage(row, listing);
    boolean met = best != null && best.hasFirstTerm
        && ((double) best.count / k >= settings.elementMinTerms() || best.count >= settings.elementEnoughTerms())
        && saysSomethingOwn(row, best, rowsWithTerm);
    if (!met) {
      return new RowResult(row.text(), false, termShare, null);
    }
    double phraseShare = termShare;
    if (!row.phrases().isEmpty()) {
      long phrases = row.phrases().stream().filter(listing::hasPhrase).count();
      phraseShare = (double) phrases / row.phrases().size();
    }
    return new RowResult(row.text(), true, 0.8 * termShare + 0.2 * phraseShare, quote(row, listing));
  }

  private record Passage(int count, boolean hasFirstTerm, Set<String> terms) {}

  private static boolean saysSomethingOwn(ChartedClaim.Row row, Passage passage, Map<String, Integer> rowsWithTerm) {
    boolean hasOwn = false;
    for (String t : row.terms()) {
      if (rowsWithTerm.get(t) == 1) {
        hasOwn = true;
        if (passage.terms().contains(t)) {
          return true;
        }
      }
    }
    return !hasOwn;
  }

  /** The passage of one sentence, or two consecutive sentences of one field, holding most of the row's terms. */
  private static Passage bestPassage(ChartedClaim.Row row, ListingTerms listing) {
    List<ListingTerms.Sentence> sentences = listing.sentences();
    Passage best = null;
    for (int i = 0; i < sentences.size(); i++) {
      ListingTerms.Sentence s = sentences.get(i);
      ListingTerms.Sentence next = i + 1 < sentences.size() && sentences.get(i + 1).field().equals(s.field())
          ? sentences.get(i + 1) : null;
      int count = 0;
      for (String t : row.terms()) {
        count += s.terms().contains(t) || (next != null && next.terms().contains(t)) ? 1 : 0;
      }
      String first = row.terms().get(0);
      boolean hasFirst = s.terms().contains(first) || (next != null && next.terms().contains(first));
      if (best == null || (hasFirst && !best.hasFirstTerm) || (hasFirst == best.hasFirstTerm && count > best.count)) {
        Set<String> terms = new HashSet<>(s.terms());
        if (next != null) {
          terms.addAll(next.terms());
        }
        best = new Passage(count, hasFirst, terms);
      }
    }
    return best;
  }

  /** The listing sentence holding most of the row's terms: what a reviewer compares with the element. */
  private static String quote(ChartedClaim.Row row, ListingTerms listing) {
    ListingTerms.Sentence best = null;
    long bestCount = 0;
    for (ListingTerms.Sentence s : listing.sentences()) {
      long count = row.terms().stream().filter(s.terms()::contains).count();
      if (count > bestCount) {
        best = s;
        bestCount = count;
      }
    }
    if (best == null) {
      return null;
    }
    String text = best.text();
    return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT - 1) + "…";
  }
}
