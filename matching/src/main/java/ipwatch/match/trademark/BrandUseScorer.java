package ipwatch.match.trademark;

import ipwatch.model.Evidence;
import ipwatch.model.Flag;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the mentions of one mark in one listing into signals: one per kind of placement, weighted from the settings.
 * A descriptive mention counts only when the mark is not also used as a brand, so "NORDVIK parka, fits NORDVIK
 * hood" is explained by its brand use alone.
 */
public final class BrandUseScorer {
  private final Map<Placement, Double> weights;

  public BrandUseScorer(Map<Placement, Double> weights) {
    this.weights = new EnumMap<>(weights);
  }

  public List<Flag.Signal> signals(List<MarkMention> mentions) {
    boolean brandUse = mentions.stream().anyMatch(m -> m.placement().isBrandUse());
    Map<Placement, MarkMention> firstByPlacement = new EnumMap<>(Placement.class);
    for (MarkMention m : mentions) {
      if (brandUse == m.placement().isBrandUse()) {
        firstByPlacement.putIfAbsent(m.placement(), m);
      }
    }
    List<Flag.Signal> signals = new ArrayList<>();
    firstByPlacement.forEach((p, m) -> signals.add(new Flag.Signal(p.name(), weights.get(p), detail(m))));
    return signals;
  }

  public static List<Evidence.Span> spans(List<MarkMention> mentions) {
    return mentions.stream().map(MarkMention::span).distinct().toList();
  }

  /** Independent pieces of evidence combined as a noisy-OR: each closes part of the remaining gap to certainty. */
  public static double score(List<Flag.Signal> signals) {
    double doubt = 1.0;
    for (Flag.Signal s : signals) {
      doubt *= 1.0 - s.weight();
    }
    return Math.round((1.0 - doubt) * 1000) / 1000.0;
  }

  private static String detail(MarkMention m) {
    return m.span().field() + " \"" + m.span().text() + "\" at " + m.span().start() + ".." + m.span().end()
        + " is the registered mark " + m.trademark().mark()
        + (m.placement().isBrandUse() ? "" : " named descriptively");
  }
}
