package ipwatch.match.registry;

import ipwatch.model.Listing;
import ipwatch.model.Patent;
import ipwatch.model.Trademark;
import java.util.Optional;
import java.util.Set;

/**
 * The registry rules that decide whether a mark can be infringed by a listing at all, before any scoring: an
 * authorised seller is never flagged; a mark is only infringed by goods in its Nice classes (a mark registered for
 * fruit is not infringed by a laptop) and only where it is registered. Each rule applies only when both sides say
 * enough: a listing without a known category or market, or a mark without classes or jurisdictions, is not gated.
 * Patents are gated by jurisdiction only.
 */
public final class AssetGate {
  private static final int CACHE_LIMIT = 10_000;
  private final CategoryClasses categories;
  /** Marketplaces use a few thousand category strings over and over; classifying one costs a pass over the map. */
  private final java.util.Map<String, Optional<Set<Integer>>> byCategory = new java.util.HashMap<>();

  public AssetGate(CategoryClasses categories) {
    this.categories = categories;
  }

  private Optional<Set<Integer>> classesOf(String category) {
    if (category == null) {
      return Optional.empty();
    }
    Optional<Set<Integer>> classes = byCategory.get(category);
    if (classes == null) {
      classes = categories.classesOf(category);
      if (byCategory.size() >= CACHE_LIMIT) {
        byCategory.clear();
      }
      byCategory.put(category, classes);
    }
    return classes;
  }

  /** What the listing says about itself, worked out once per listing. */
  public record ListingFacts(String sellerId, Optional<Set<Integer>> classes, Optional<String> market) {}

  public ListingFacts facts(Listing listing) {
    return new ListingFacts(
        listing.seller() == null ? null : listing.seller().id(),
        classesOf(listing.category()),
        Jurisdictions.of(listing));
  }

  public boolean admits(ListingFacts facts, Trademark tm) {
    if (facts.sellerId() != null && tm.authorizedSellers().contains(facts.sellerId())) {
      return false;
    }
    if (facts.classes().isPresent() && !tm.niceClasses().isEmpty()
        && tm.niceClasses().stream().noneMatch(facts.classes().get()::contains)) {
      return false;
    }
    return inMarket(facts, tm.jurisdictions());
  }

  /**
   * A patent is only infringed where it is granted. Nice classes and authorised sellers are trademark notions; a
   * patent's CPC codes say what the invention is, not what a marketplace category sells, so they do not gate.
   */
  public boolean admits(ListingFacts facts, Patent patent) {
    return inMarket(facts, patent.jurisdictions());
  }

  private static boolean inMarket(ListingFacts facts, java.util.List<String> jurisdictions) {
    return facts.market().isEmpty() || jurisdictions.isEmpty()
        || Jurisdictions.covers(jurisdictions, facts.market().get());
  }
}
