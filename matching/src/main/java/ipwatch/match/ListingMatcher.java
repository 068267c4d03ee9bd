package ipwatch.match;

import ipwatch.match.context.DescriptiveUse;
import ipwatch.match.patent.PatentMatcher;
import ipwatch.match.registry.AssetGate;
import ipwatch.match.text.ListingText;
import ipwatch.match.trademark.BrandUseScorer;
import ipwatch.match.trademark.ExactMarkMatcher;
import ipwatch.match.trademark.LookalikeMatcher;
import ipwatch.match.trademark.LookalikeMention;
import ipwatch.match.trademark.LookalikeScorer;
import ipwatch.match.trademark.MarkMention;
import ipwatch.match.trademark.ReferencePriceCheck;
import ipwatch.match.trademark.Variant;
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
import java.util.function.Function;

/**
 * Checks one listing against the registry and explains each suspected infringement as a {@link Flag}. The one code
 * path behind the Flink job, the batch command and the benchmarks. Only flags at or above the alert threshold are
 * returned. Per mark: the registry rules first ({@link AssetGate}: authorised sellers, Nice classes, jurisdictions),
 * then the mark itself used as a brand (BRAND_USE), else a lookalike of it used as a brand (LOOKALIKE). Per patent
 * (in force at {@code now}, granted where the listing sells): the listing charted against its independent claims
 * (PATENT_CLAIM, {@link PatentMatcher}). Not thread-safe (each Flink subtask and each benchmark thread has its own).
 */
public final class ListingMatcher {
  /** Goes into every flag, so a reviewer (and a benchmark) knows which logic produced it. */
  public static final String VERSION = "ipwatch-match/0.3.0 exact+lookalike+patent-claims";

  private final Registry registry;
  private final MatchSettings settings;
  private final ExactMarkMatcher exact;
  private final LookalikeMatcher lookalike;
  private final BrandUseScorer scorer;
  private final LookalikeScorer lookalikeScorer;
  private final ReferencePriceCheck priceCheck;
  private final AssetGate gate;
  private final PatentMatcher patents;

  public ListingMatcher(Registry registry, MatchSettings settings) {
    this.registry = registry;
    this.settings = settings;
    DescriptiveUse descriptive = new DescriptiveUse(settings.descriptiveCues());
    this.exact = new ExactMarkMatcher(descriptive);
    this.lookalike = new LookalikeMatcher(descriptive);
    this.scorer = new BrandUseScorer(settings.placementWeights());
    this.lookalikeScorer = new LookalikeScorer(settings.placementWeights(), settings.lookalike());
    this.priceCheck = new ReferencePriceCheck(settings.suspiciousPriceRatio(), settings.priceWeight());
    this.gate = new AssetGate(settings.categories());
    this.patents = new PatentMatcher(settings.patent());
  }

  public List<Flag> match(Listing listing, Instant now) {
    ListingText text = ListingText.of(listing);
    List<MarkMention> exactMentions = exact.find(registry.marks(), text);
    List<LookalikeMention> lookalikeMentions = new ArrayList<>();
    for (LookalikeMention m : lookalike.find(registry.lookalikes(), text)) {
      if (m.variant().kind() == Variant.Kind.JOINED) {
        exactMentions = exactMentions.isEmpty() ? new ArrayList<>() : new ArrayList<>(exactMentions);
        exactMentions.add(m.mention());
      } else {
        lookalikeMentions.add(m);
      }
    }
    Map<String, List<MarkMention>> exactByAsset = byAsset(exactMentions, MarkMention::trademark);
    Map<String, List<LookalikeMention>> lookalikeByAsset =
        byAsset(lookalikeMentions, m -> m.mention().trademark());
    List<Flag> flags = new ArrayList<>();
    AssetGate.ListingFacts facts = null;
    if (!exactByAsset.isEmpty() || !lookalikeByAsset.isEmpty()) {
      facts = gate.facts(listing);
      AssetGate.ListingFacts f = facts;
      exactByAsset.forEach((id, mentions) -> {
        Trademark tm = mentions.get(0).trademark();
        if (gate.admits(f, tm)) {
          // the mark itself, used as a brand, explains the listing best; if it only appears where it does not reach
          // the threshold ("... for Sony", mid-title), a disguised spelling where the brand stands still can
          Optional<Flag> flag = brandUse(listing, mentions, now);
          flag.or(() -> lookalike(listing, lookalikeByAsset.get(id), now)).ifPresent(flags::add);
        }
      });
      lookalikeByAsset.forEach((id, mentions) -> {
        if (!exactByAsset.containsKey(id) && gate.admits(f, mentions.get(0).mention().trademark())) {
          lookalike(listing, mentions, now).ifPresent(flags::add);
        }
      });
    }
    if (registry.hasPatents()) {
      AssetGate.ListingFacts f = facts != null ? facts : gate.facts(listing);
      flags.addAll(patents.match(listing, registry.patentIndex(), p -> gate.admits(f, p), now, VERSION));
    }
    return flags;
  }

  private Optional<Flag> brandUse(Listing listing, List<MarkMention> mentions, Instant now) {
    if (mentions.stream().noneMatch(m -> m.placement().isBrandUse())) {
      return Optional.empty();
    }
    Trademark tm = mentions.get(0).trademark();
    List<Flag.Signal> signals = new ArrayList<>(scorer.signals(mentions));
    return flag(listing, tm, FlagKind.BRAND_USE, signals, BrandUseScorer.spans(mentions), now);
  }

  private Optional<Flag> lookalike(Listing listing, List<LookalikeMention> mentions, Instant now) {
    if (mentions == null || mentions.stream().noneMatch(m -> m.mention().placement().isBrandUse())) {
      return Optional.empty();
    }
    Trademark tm = mentions.get(0).mention().trademark();
    List<Flag.Signal> signals = new ArrayList<>(lookalikeScorer.signals(mentions));
    List<Evidence.Span> spans = mentions.stream().map(m -> m.mention().span()).distinct().toList();
    return flag(listing, tm, FlagKind.LOOKALIKE, signals, spans, now);
  }

  private Optional<Flag> flag(
      Listing listing, Trademark tm, FlagKind kind, List<Flag.Signal> signals, List<Evidence.Span> spans,
      Instant now) {
    priceCheck.check(listing, tm).ifPresent(signals::add);
    double score = BrandUseScorer.score(signals);
    if (score < settings.alertThreshold()) {
      return Optional.empty();
    }
    return Optional.of(
        new Flag(
            Flag.idFor(listing.listingId(), tm.assetId()), listing.listingId(), tm.assetId(), tm.assetType(),
            tm.owner(), kind, score, signals, Evidence.ofSpans(spans), now, VERSION, Flag.FlaggedListing.of(listing)));
  }

  private static <T> Map<String, List<T>> byAsset(List<T> mentions, Function<T, Trademark> mark) {
    if (mentions.isEmpty()) {
      return Map.of();
    }
    Map<String, List<T>> out = new LinkedHashMap<>();
    for (T m : mentions) {
      out.computeIfAbsent(mark.apply(m).assetId(), k -> new ArrayList<>()).add(m);
    }
    return out;
  }
}
