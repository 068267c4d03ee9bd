package ipwatch.match.trademark;

import ipwatch.match.text.LookalikeForm;
import ipwatch.match.text.TokenizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tokenised field as the candidate words a lookalike could hide in: every token, plus tokens joined across
 * the gaps a seller uses to split a brand (one space, hyphen, dot, underscore, asterisk, or a leetspeak symbol such
 * as "@" which then counts as its letter). Whole words are joined at most {@value #MAX_WORDS} at a time; runs of
 * single letters ("s a m s u n g") and in-word punctuation ("s.a.m-sung") up to {@value #MAX_PIECES} pieces.
 */
public final class CandidateWindows {
  static final int MAX_WORDS = 3;
  static final int MAX_PIECES = 24;

  private CandidateWindows() {}

  /** Candidates starting at tokens {@code from} (inclusive) to {@code to} (exclusive). */
  public static List<Candidate> of(TokenizedText text, int from, int to) {
    return of(text, from, to, false);
  }

  /**
   * As {@link #of(TokenizedText, int, int)}; with {@code disguisedOnlyAfterFirst}, candidates that start after the
   * first token are only built when they carry a disguise (a substitution or letters split inside a word). Past a
   * title's first word nothing else is searched, and building every plain window's strings was a third of the
   * matcher's time.
   */
  public static List<Candidate> of(TokenizedText text, int from, int to, boolean disguisedOnlyAfterFirst) {
    int n = text.size();
    List<Candidate> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    // per token, once: its form, letter and digit counts, and the gap before it (null: tokens cannot join there)
    LookalikeForm.Form[] forms = new LookalikeForm.Form[n];
    int[] letters = new int[n];
    int[] digits = new int[n];
    String[] gapLetters = new String[n];
    String[] trailingLetters = new String[n];
    for (int k = 0; k < n; k++) {
      String t = text.token(k);
      for (int c = 0; c < t.length(); c++) {
        char ch = t.charAt(c);
        letters[k] += Character.isLetter(ch) ? 1 : 0;
        digits[k] += Character.isDigit(ch) ? 1 : 0;
      }
      if (k > 0) {
        gapLetters[k] = gap(text, k, digits, letters);
      }
      trailingLetters[k] = symbolsAfter(text, k);
      forms[k] = LookalikeForm.form(t);
    }
    for (int i = from; i < Math.min(to, n); i++) {
      if (disguisedOnlyAfterFirst && i > 0 && !reachesDisguise(text, i, forms, gapLetters, trailingLetters)) {
        continue;
      }
      StringBuilder form = new StringBuilder();
      StringBuilder normalized = new StringBuilder();
      int subs = 0;
      boolean split = false;
      String lead = symbolsBefore(text, i);
      if (!lead.isEmpty()) {
        form.append(lead);
        subs |= LookalikeForm.LEET;
      }
      int letterCount = 0;
      int digitCount = 0;
      for (int j = i; j < n && j - i < MAX_PIECES; j++) {
        if (j > i) {
          if (gapLetters[j] == null) {
            break;
          }
          boolean wordGap = gapLetters[j] == WORD_GAP;
          if (wordGap && j - i >= MAX_WORDS) {
            break;
          }
          split |= !wordGap;
          if (!gapLetters[j].isEmpty()) {
            form.append(gapLetters[j]);
            subs |= LookalikeForm.LEET;
          }
          normalized.append(' ');
        }
        form.append(forms[j].text());
        normalized.append(text.token(j));
        subs |= forms[j].substitutions();
        letterCount += letters[j];
        digitCount += digits[j];
        int count = j - i + 1;
        Candidate.Spacing spacing =
            count == 1 ? Candidate.Spacing.NONE : split ? Candidate.Spacing.SPLIT : Candidate.Spacing.WORDS;
        // digits read as letters only where letters dominate: "S4MSUNG" is a disguise, "Z410" a model number
        boolean wordLike = letterCount > 0 && letterCount >= 2 * digitCount;
        String trailing = trailingLetters[j];
        boolean plainWanted = !disguisedOnlyAfterFirst || i == 0 || subs != 0 || split;
        if (disguisedOnlyAfterFirst && !wordLike) {
          continue; // a model number ("DSCW220") is never looked up (Candidate.hasLetters), so not built either
        }
        if (!plainWanted && trailing.isEmpty()) {
          continue;
        }
        String f = form.toString();
        String norm = count == 1 ? text.token(j) : normalized.toString();
        if (plainWanted) {
          out.add(new Candidate(i, count, f, LookalikeForm.visualKey(f), norm, subs, spacing, wordLike));
        }
        if (!trailing.isEmpty()) {
          String ft = f + trailing;
          out.add(new Candidate(
              i, count, ft, LookalikeForm.visualKey(ft), norm, subs | LookalikeForm.LEET, spacing, wordLike));
        }
      }
    }
    return out;
  }

  /**
   * Whether any window starting at token {@code i} carries a disguise: leetspeak symbols around it, a token with
   * substituted letters or digits, or a gap inside a word. Most title words carry none, and their windows are then
   * not built at all.
   */
  private static boolean reachesDisguise(
      TokenizedText text, int i, LookalikeForm.Form[] forms, String[] gapLetters, String[] trailingLetters) {
    for (int j = i; j < forms.length && j - i < MAX_PIECES; j++) {
      if (j > i) {
        if (gapLetters[j] == null || (gapLetters[j] == WORD_GAP && j - i >= MAX_WORDS)) {
          break;
        }
        if (gapLetters[j] != WORD_GAP) {
          return true;
        }
      }
      if (forms[j].substitutions() != 0 || !trailingLetters[j].isEmpty()) {
        return true;
      }
    }
    return !symbolsBefore(text, i).isEmpty();
  }

  /** Marks a gap of one space between two words (as opposed to a split inside a word). */
  private static final String WORD_GAP = new String("");

  /**
   * What the gap before token {@code k} contributes when tokens are joined across it: "" for a space or in-word
   * punctuation, the letters of leetspeak symbols ("@" → "a"), {@link #WORD_GAP} for one space between two words,
   * or null where tokens must not be joined.
   */
  private static String gap(TokenizedText text, int k, int[] digits, int[] letters) {
    int gapStart = text.tokens().get(k - 1).end();
    int gapEnd = text.start(k);
    String gap = gapEnd - gapStart == 1 && text.original().charAt(gapStart) == ' '
        ? " " // the common case, without a substring per token
        : text.original().substring(gapStart, gapEnd);
    if (!joinable(gap)) {
      return null;
    }
    String symbols = leet(gap);
    int prevLength = text.token(k - 1).length();
    int length = text.token(k).length();
    boolean singles = prevLength == 1 && length == 1;
    boolean number = (digits[k] > 0 && letters[k] == 0) || (digits[k - 1] > 0 && letters[k - 1] == 0);
    boolean singleDigitAfterSpace = gap.equals(" ") && length == 1 && digits[k] == 1;
    if (number && !singles && symbols.isEmpty() && !singleDigitAfterSpace) {
      // "Samsung 40", "Alpine 2-DIN" are a brand and a size, not a disguised "Samsungao"; a single digit after a
      // space still joins ("PlayStation 2" is a mark), digits inside a word do ("9@rmin")
      return null;
    }
    if (gap.equals(" ") && prevLength > 1 && (length > 1 || singleDigitAfterSpace)) {
      return WORD_GAP;
    }
    return symbols;
  }

  private static boolean joinable(String gap) {
    if (gap.length() == 1) {
      char c = gap.charAt(0);
      return c == ' ' || c == '-' || c == '.' || c == '_' || c == '*' || c == '·' || LookalikeForm.leetSymbol(c) != 0;
    }
    return gap.length() == 2 && !leet(gap).isEmpty();
  }

  /** The letters a gap of one or two leetspeak symbols stands for ("@", "$@"), or "" when it is not such a gap. */
  private static String leet(String gap) {
    if (gap.isEmpty() || LookalikeForm.leetSymbol(gap.charAt(0)) == 0) {
      return ""; // most gaps: no allocation
    }
    StringBuilder out = new StringBuilder(2);
    for (int k = 0; k < gap.length(); k++) {
      char letter = LookalikeForm.leetSymbol(gap.charAt(k));
      if (letter == 0) {
        return "";
      }
      out.append(letter);
    }
    return out.toString();
  }

  /** Leetspeak symbols glued to the front of token {@code i} at a word start: "$@msung". */
  private static String symbolsBefore(TokenizedText text, int i) {
    int start = text.start(i);
    int from = start;
    while (from > 0 && start - from < 2 && LookalikeForm.leetSymbol(text.original().charAt(from - 1)) != 0) {
      from--;
    }
    boolean wordStart = from == 0 || Character.isWhitespace(text.original().charAt(from - 1));
    return from < start && wordStart ? leet(text.original().substring(from, start)) : "";
  }

  /** Leetspeak symbols glued to the end of token {@code j} at a word end: "tosh!b@". */
  private static String symbolsAfter(TokenizedText text, int j) {
    int end = text.tokens().get(j).end();
    int to = end;
    String s = text.original();
    while (to < s.length() && to - end < 2 && LookalikeForm.leetSymbol(s.charAt(to)) != 0) {
      to++;
    }
    boolean wordEnd = to == s.length() || Character.isWhitespace(s.charAt(to));
    return to > end && wordEnd ? leet(s.substring(end, to)) : "";
  }

}
