package ipwatch.match.patent;

import java.util.ArrayList;
import java.util.List;

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
    for (ChartedClaim.Row row : claim.rows()) {
      RowResult r = row(row, listing);
      rows.add(r);
      if (r.met()) {
        met++;
        sum += r.strength();
      }
    }
    int n = claim.rows().size();
    return new ClaimScore(claim.number(), rows, met, (double) met / n, sum / n);
  }

  private RowResult row(ChartedClaim.Row row, ListingTerms listing) {
    int found = 0;
    for (String t : row.terms()) {
      if (listing.has(t)) {
        found++;
      }
    }
    int k = row.terms().size();
    double termShare = (double) found / k;
    // the row's first term is what the element is ("a lanyard having ...", "a package containing ..."): without it,
    // other words of the row appearing elsewhere in the listing do not meet the element
    boolean met = listing.has(row.terms().get(0))
        && (termShare >= settings.elementMinTerms() || found >= settings.elementEnoughTerms());
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
