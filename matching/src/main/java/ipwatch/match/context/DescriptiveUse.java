package ipwatch.match.context;

import ipwatch.match.text.Normalizer;
import ipwatch.match.text.Token;
import ipwatch.match.text.TokenizedText;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Tells a descriptive mention ("case for Nordvik", "compatible with Lumora", "适用于 Lumora") from use of the mark as
 * the product's own brand. Naming another maker's product to say what an accessory fits is lawful referential use
 * (EU TMR Art. 14(1)(c), US nominative fair use), so such a mention must never become a BRAND_USE flag on its own.
 *
 * <p>A mention is descriptive when a cue phrase ends right before it, optionally followed by one article or
 * possessive ("fits your Nordvik"). Cues are compared after normalisation, so "FÜR" and "für" are the same cue.
 */
public final class DescriptiveUse {

  /** English, German, French, Spanish and Chinese cues; {@code matching.descriptiveCues} replaces the list. */
  public static final List<String> DEFAULT_CUES =
      List.of(
          "for", "compatible with", "fits", "fit", "works with", "replacement for", "suitable for", "designed for",
          "made for", "for use with", "to fit",
          "für", "passend für", "kompatibel mit", "geeignet für", "ersatz für",
          "pour", "compatible avec", "adapté à", "remplacement pour",
          "para", "compatible con", "apto para", "repuesto para",
          "适用于", "兼容", "用于", "适配");

  private static final Set<String> FILLERS =
      Set.of(
          "the", "a", "an", "your", "all", "any", "der", "die", "das", "den", "dem", "ihr", "ihren", "le", "la", "les",
          "l", "votre", "vos", "el", "los", "las", "su", "sus", "tu");

  private final List<List<String>> cues;

  public DescriptiveUse(Collection<String> cuePhrases) {
    this.cues =
        cuePhrases.stream()
            .map(c -> Normalizer.tokenize(c).tokens().stream().map(Token::text).toList())
            .filter(t -> !t.isEmpty())
            .distinct()
            .toList();
  }

  public static DescriptiveUse withDefaultCues() {
    return new DescriptiveUse(DEFAULT_CUES);
  }

  /** Whether the mention starting at token {@code markToken} is introduced by a cue phrase. */
  public boolean isDescriptive(TokenizedText text, int markToken) {
    if (cueEndsAt(text, markToken)) {
      return true;
    }
    return markToken > 0 && FILLERS.contains(text.token(markToken - 1)) && cueEndsAt(text, markToken - 1);
  }

  private boolean cueEndsAt(TokenizedText text, int end) {
    for (List<String> cue : cues) {
      int start = end - cue.size();
      if (start >= 0 && sameTokens(text, start, cue)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameTokens(TokenizedText text, int start, List<String> cue) {
    for (int k = 0; k < cue.size(); k++) {
      if (!cue.get(k).equals(text.token(start + k))) {
        return false;
      }
    }
    return true;
  }
}
