package ipwatch.match;

import ipwatch.match.context.DescriptiveUse;
import ipwatch.match.text.ListingText;
import ipwatch.match.trademark.BrandUseScorer;
import ipwatch.match.trademark.ExactMarkMatcher;
import ipwatch.match.trademark.MarkMention;
import ipwatch.match.trademark.ReferencePriceCheck;
import ipwatch.model.Evidence;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import ipwatch.model.Listing;
import ipwatch.model.Trademark;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one listing against the registry and explains each suspected infringement as a {@link Flag}. The one code
 * path behind the Flink job, the batch command and the benchmarks. Only flags at or above the alert threshold are
 * returned; an authorised seller of an asset is never flagged for it.
 */
public final class ListingMatcher {
  /** Goes into every flag, so a reviewer (and a benchmark) knows which logic produced it. */
  public static final String VERSION = "ipwatch-match/0.1.0 exact";

  private final Registry registry;
  private final MatchSettings settings;
  private final ExactMarkMatcher exact;
  private final BrandUseScorer scorer;
  private final ReferencePriceCheck priceCheck;

  public ListingMatcher(Registry registry, MatchSettings settings) {
    this.registry = registry;
    this.settings = settings;
    this.exact = new ExactMarkMatcher(new DescriptiveUse(settings.descriptiveCues()));
    this.scorer = new BrandUseScorer(settings.placementWeights());
    this.priceCheck = new ReferencePriceCheck(settings.suspiciousPriceRatio(), settings.priceWeight());
  }

  public List<Flag> match(Listing listing, Instant now) {
    Map<String, List<MarkMention>> byAsset = new LinkedHashMap<>();
    for (MarkMention m : exact.find(registry.marks(), ListingText.of(listing))) {
      byAsset.computeIfAbsent(m.trademark().assetId(), k -> new ArrayList<>()).add(m);
    }
    List<Flag> flags = new ArrayList<>();
    byAsset.values().forEach(mentions -> brandUse(listing, mentions, now).ifPresent(flags::add));
    return flags;
  }

  private Optional<Flag> brandUse(Listing listing, List<MarkMention> mentions, Instant now) {
    Trademark tm = mentions.get(0).trademark();
    if (isAuthorisedSeller(listing, tm) || mentions.stream().noneMatch(m -> m.placement().isBrandUse())) {
      return Optional.empty();
    }
    List<Flag.Signal> signals = new ArrayList<>(scorer.signals(mentions));
    priceCheck.check(listing, tm).ifPresent(signals::add);
    double score = BrandUseScorer.score(signals);
    if (score < settings.alertThreshold()) {
      return Optional.empty();
    }
    return Optional.of(
        new Flag(
            Flag.idFor(listing.listingId(), tm.assetId()),
            listing.listingId(),
            tm.assetId(),
            tm.assetType(),
            tm.owner(),
            FlagKind.BRAND_USE,
            score,
            signals,
            Evidence.ofSpans(BrandUseScorer.spans(mentions)),
            now,
            VERSION,
            Flag.FlaggedListing.of(listing)));
  }

  private static boolean isAuthorisedSeller(Listing listing, Trademark tm) {
    return listing.seller() != null
        && listing.seller().id() != null
        && tm.authorizedSellers().contains(listing.seller().id());
  }
}
