package ipwatch.stream.relisting;

import ipwatch.model.Evidence;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import ipwatch.model.Hashes;
import ipwatch.model.Listing;
import ipwatch.model.ListingOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the RELISTING flag casework ingests like any other: deterministic id, the earlier case named. */
public final class RelistingFlags {
  public static final String MATCHER_VERSION = "relisting-1";

  private RelistingFlags() {}

  /** Same new listing and same earlier case: same flag id, so a replay or a re-proposal opens no second case. */
  public static String flagId(String listingId, String earlierListingId, String caseId) {
    return Hashes.shortId(listingId + "\nrelisting\n" + earlierListingId + "\n" + caseId);
  }

  public static Flag of(CandidatePair pair, double score, List<Flag.Signal> scoreSignals, Instant at) {
    Listing later = pair.later();
    ListingOutcome t = pair.takedown();
    List<Flag.Signal> signals = new ArrayList<>();
    signals.add(new Flag.Signal("RELISTING_OF", score,
        "near-duplicate of listing " + pair.earlier().listingId() + " (" + pair.earlier().url() + ") taken down in case "
            + t.caseId() + (t.at() == null ? "" : " at " + t.at())));
    signals.addAll(scoreSignals);
    String title = later.title() == null ? "" : later.title();
    Evidence evidence = Evidence.ofSpans(title.isEmpty() ? List.of() : List.of(
        new Evidence.Span("title", 0, title.length(), title)));
    return new Flag(flagId(later.listingId(), pair.earlier().listingId(), t.caseId()), later.listingId(),
        t.assetId(), t.assetType(), t.owner(), FlagKind.RELISTING, score, signals, evidence, at, MATCHER_VERSION,
        Flag.FlaggedListing.of(later));
  }
}
