package ipwatch.match.patent;

import java.io.Serializable;

/**
 * When a listing's coverage of a claim becomes a PATENT_CLAIM flag (the {@code matching.patent} keys of {@code
 * config/stream-jobs.yaml}).
 *
 * @param minCoverage the fraction of a claim's charted rows (preamble and elements) that must be met
 * @param alertThreshold the least score (mean strength over all rows, unmet rows counting 0) of a flag; patent scores
 *     are on their own scale, separate from the trademark alert threshold
 * @param elementMinTerms the fraction of an element's terms the listing must contain for the element to be met
 * @param elementEnoughTerms an element is also met when this many of its terms are present, however long it is
 *     (claim elements run to a dozen terms no listing repeats)
 */
public record PatentSettings(
    double minCoverage, double alertThreshold, double elementMinTerms, int elementEnoughTerms) implements Serializable {

  public static PatentSettings defaults() {
    return new PatentSettings(0.8, 0.5, 0.5, 4);
  }
}
