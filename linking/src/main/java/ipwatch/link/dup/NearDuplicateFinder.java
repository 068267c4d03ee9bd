package ipwatch.link.dup;

import java.util.ArrayList;
import java.util.List;

/**
 * The near-duplicate detector the job and the batch command share: each new listing profile is matched against the
 * candidates the index proposes, every candidate at or above the threshold is a {@link DuplicatePair}, then the
 * profile is remembered. In the job the index holds the taken-down listings; in the batch, every earlier line.
 */
public final class NearDuplicateFinder {
  private final CandidateIndex index;
  private final DuplicateScorer scorer;
  private final double threshold;
  private long candidates;

  public NearDuplicateFinder(DuplicateSettings settings, DocumentFrequencies df) {
    this.index = new CandidateIndex(settings);
    this.scorer = new DuplicateScorer(settings, df);
    this.threshold = settings.threshold();
  }

  public List<DuplicatePair> add(ListingProfile p) {
    List<DuplicatePair> out = new ArrayList<>();
    for (ListingProfile other : index.addAndCandidates(p)) {
      candidates++;
      double score = scorer.score(other, p);
      if (score >= threshold && !other.listingId().equals(p.listingId())) {
        out.add(new DuplicatePair(other.listingId(), p.listingId(), Math.round(score * 1000) / 1000.0));
      }
    }
    return out;
  }

  /** Candidate pairs scored so far (for the benchmark: the share of all pairs LSH spared us). */
  public long candidatesScored() {
    return candidates;
  }

  public DuplicateScorer scorer() {
    return scorer;
  }
}
