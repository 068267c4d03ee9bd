package ipwatch.match.patent;

import ipwatch.model.Evidence;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import ipwatch.model.Listing;
import ipwatch.model.Patent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Charts a listing against the independent claims of the patents it shares terms with and raises a PATENT_CLAIM
 * flag for a patent when its best claim has at least {@code minCoverage} of its rows met and scores at least the
 * patent alert threshold. The flag's evidence is the whole chart of that claim: every row with the listing text that
 * meets it, or null. Patents past their expiry date (the day after {@code expires}, UTC, relative to the time passed
 * in) and patents not registered where the listing sells (the caller's gate) are never charted. A triage signal for
 * a reviewer, not an infringement opinion: see docs/matching.md.
 */
public final class PatentMatcher {
  public static final String ELEMENTS_MET = "CLAIM_ELEMENTS_MET";
  public static final String ELEMENT_NOT_FOUND = "CLAIM_ELEMENT_NOT_FOUND";
  private static final int DETAIL_LIMIT = 120;

  private final PatentSettings settings;
  private final ClaimChartScorer scorer;

  public PatentMatcher(PatentSettings settings) {
    this.settings = settings;
    this.scorer = new ClaimChartScorer(settings);
  }

  public List<Flag> match(
      Listing listing, PatentIndex index, Predicate<Patent> admitted, Instant now, String matcherVersion) {
    if (index.isEmpty()) {
      return List.of();
    }
    ListingTerms terms = ListingTerms.of(listing, index.vocabulary());
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    List<Flag> flags = new ArrayList<>();
    for (PatentIndex.Entry e : index.candidates(terms)) {
      Patent p = e.patent();
      if ((p.expires() != null && today.isAfter(p.expires())) || !admitted.test(p)) {
        continue;
      }
      best(e, terms)
          .filter(s -> s.coverage() >= settings.minCoverage() && s.score() >= settings.alertThreshold())
          .ifPresent(s -> flags.add(flag(listing, p, s, now, matcherVersion)));
    }
    return flags;
  }

  /** The independent claim the listing covers best: highest score, then most rows met, then the lowest number. */
  Optional<ClaimChartScorer.ClaimScore> best(PatentIndex.Entry entry, ListingTerms terms) {
    ClaimChartScorer.ClaimScore best = null;
    for (ChartedClaim claim : entry.claims()) {
      ClaimChartScorer.ClaimScore s = scorer.score(claim, terms);
      if (best == null || s.score() > best.score() || (s.score() == best.score() && s.met() > best.met())) {
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Flag flag(
      Listing listing, Patent p, ClaimChartScorer.ClaimScore s, Instant now, String matcherVersion) {
    List<Evidence.ClaimElement> chart = new ArrayList<>();
    List<Flag.Signal> signals = new ArrayList<>();
    signals.add(new Flag.Signal(ELEMENTS_MET, round(s.coverage()),
        s.met() + " of " + s.rows().size() + " rows of claim " + s.claim()
            + " (preamble and elements) are met by the listing text"));
    for (ClaimChartScorer.RowResult r : s.rows()) {
      chart.add(new Evidence.ClaimElement(s.claim(), r.element(), r.listingText()));
      if (!r.met()) {
        signals.add(new Flag.Signal(ELEMENT_NOT_FOUND, 0.0, "not found in the listing: " + shorten(r.element())));
      }
    }
    return new Flag(
        Flag.idFor(listing.listingId(), p.assetId()), listing.listingId(), p.assetId(), p.assetType(), p.owner(),
        FlagKind.PATENT_CLAIM, round(s.score()), signals, new Evidence(List.of(), chart), now, matcherVersion,
        Flag.FlaggedListing.of(listing));
  }

  private static String shorten(String s) {
    return s.length() <= DETAIL_LIMIT ? s : s.substring(0, DETAIL_LIMIT - 1) + "…";
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
