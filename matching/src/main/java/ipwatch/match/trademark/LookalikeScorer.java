package ipwatch.match.trademark;

import ipwatch.match.text.LookalikeForm;
import ipwatch.model.Flag;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the lookalike mentions of one mark in one listing into signals. Each placement signal is the placement's
 * weight times the spelling's similarity to the mark (a lookalike is less certain than the mark itself), so a
 * one-edit spelling opening the title scores 0.75 × 0.95. A disguise no honest seller uses (letters from another
 * script, leetspeak digits, letters split by spaces or punctuation) is one more signal of its own. Like
 * {@link BrandUseScorer}, signals combine as a noisy-OR.
 */
public final class LookalikeScorer {
  public static final String OBFUSCATION = "OBFUSCATED_SPELLING";

  /** Similarity of a spelling to the mark (0..1) per kind of difference, and the weight of a disguise. */
  public record Similarity(double visual, double oneEdit, double twoEdits, double phonetic, double obfuscation)
      implements java.io.Serializable {}

  private final Map<Placement, Double> weights;
  private final Similarity similarity;

  public LookalikeScorer(Map<Placement, Double> weights, Similarity similarity) {
    this.weights = new EnumMap<>(weights);
    this.similarity = similarity;
  }

  public List<Flag.Signal> signals(List<LookalikeMention> mentions) {
    boolean brandUse = mentions.stream().anyMatch(m -> m.mention().placement().isBrandUse());
    Map<Placement, LookalikeMention> best = new EnumMap<>(Placement.class);
    for (LookalikeMention m : mentions) {
      Placement p = m.mention().placement();
      if (brandUse == p.isBrandUse()) {
        best.merge(p, m, (a, b) -> similarity(b.variant()) > similarity(a.variant()) ? b : a);
      }
    }
    List<Flag.Signal> signals = new ArrayList<>();
    best.forEach(
        (p, m) -> signals.add(new Flag.Signal(p.name(), round(weights.get(p) * similarity(m.variant())), detail(m))));
    mentions.stream()
        .filter(m -> brandUse == m.mention().placement().isBrandUse() && disguise(m.variant()) != null)
        .findFirst()
        .ifPresent(m -> signals.add(new Flag.Signal(OBFUSCATION, similarity.obfuscation(), disguise(m.variant()))));
    return signals;
  }

  public double similarity(Variant v) {
    return switch (v.kind()) {
      case JOINED -> 1.0;
      case VISUAL -> similarity.visual();
      case EDIT -> v.edits() <= 1 ? similarity.oneEdit() : similarity.twoEdits();
      // a one-edit spelling that also sounds the same is at least as close as any other one-edit spelling
      case PHONETIC -> v.edits() <= 1 ? Math.max(similarity.oneEdit(), similarity.phonetic()) : similarity.phonetic();
    };
  }

  private static String disguise(Variant v) {
    List<String> parts = new ArrayList<>();
    if ((v.substitutions() & LookalikeForm.CONFUSABLE) != 0) {
      parts.add("letters from another script that look Latin");
    }
    if ((v.substitutions() & LookalikeForm.LEET) != 0) {
      parts.add("digits or symbols standing for letters");
    }
    if (v.spacing() == Candidate.Spacing.SPLIT) {
      parts.add("letters split by spaces or punctuation");
    }
    return parts.isEmpty() ? null : "spelled with " + String.join(", ", parts);
  }

  private String detail(LookalikeMention m) {
    MarkMention mm = m.mention();
    Variant v = m.variant();
    String how =
        switch (v.kind()) {
          case JOINED, VISUAL -> "looks like";
          case EDIT -> v.edits() + (v.edits() == 1 ? " edit" : " edits") + " from";
          case PHONETIC -> "sounds like";
        };
    return mm.span().field() + " \"" + mm.span().text() + "\" at " + mm.span().start() + ".." + mm.span().end() + " "
        + how + " the registered mark " + mm.trademark().mark() + " (similarity " + similarity(v) + ")"
        + (mm.placement().isBrandUse() ? "" : ", named descriptively");
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
