package ipwatch.match.trademark;

/**
 * How a lookalike spelling relates to the registered mark.
 *
 * @param kind {@code JOINED} (the mark's words written together), {@code VISUAL} (looks the same: homoglyphs, leetspeak, spacing), {@code EDIT} (a typo-style change),
 *     {@code PHONETIC} (sounds the same)
 * @param edits edit distance between the lookalike forms (0 for VISUAL)
 */
public record Variant(Kind kind, int edits, int substitutions, Candidate.Spacing spacing) {
  public enum Kind {
    /** The mark's own letters with its words run together: treated as the mark itself (BRAND_USE). */
    JOINED,
    VISUAL,
    EDIT,
    PHONETIC
  }
}
