package ipwatch.match.trademark;

/**
 * A word, or a run of tokens read as one word, that may be a disguised mark: "Ѕamsung", "sam-sung",
 * "s a m s u n g", "N0rth Ridge". {@code spacing} says how the tokens were joined.
 *
 * @param form the lookalike form ({@link ipwatch.match.text.LookalikeForm}) of the joined tokens
 * @param normalized the normalised tokens joined by single spaces, to recognise an exact mention of the mark
 * @param substitutions {@link ipwatch.match.text.LookalikeForm#CONFUSABLE} and/or {@code LEET}
 */
public record Candidate(
    int firstToken, int tokenCount, String form, String visualKey, String normalized, int substitutions,
    Spacing spacing, boolean hasLetters) {

  /** How the tokens of a candidate were joined. */
  public enum Spacing {
    /** One token. */
    NONE,
    /** Whole words separated by a space ("Sam sung"): a known disguise, but also how some marks are written. */
    WORDS,
    /** Letters split by spaces or punctuation inside a word ("s a m s u n g", "sam-sung"): deliberate. */
    SPLIT
  }
}
