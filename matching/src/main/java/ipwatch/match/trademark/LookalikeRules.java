package ipwatch.match.trademark;

/**
 * How different a spelling may be and still count as a lookalike of a mark, by the mark's length (letters of its
 * lookalike form). Short marks get stricter rules because a short word is a few edits from many ordinary words:
 * one edit turns "Sony" into "Sonn", "Pony", "Sona". So:
 *
 * <ul>
 *   <li>up to 4 letters: only disguises that look the same (homoglyphs, leetspeak, split letters), and a one-edit
 *       spelling that sounds the same ("Soni"), no other edits;
 *   <li>5 letters: one insertion, transposition or doubled letter; no substitution or deletion (they turn a short
 *       word into another word too easily: Stand/Skand, Case/Chase);
 *   <li>6 to 9 letters: any one edit;
 *   <li>up to 9 letters, the first letter may only go missing or gain a letter before it, never be replaced
 *       (typosquats keep it, and it removes most accidental neighbours);
 *   <li>10 letters and more: two edits, anywhere, changing the length by at most one letter;
 *   <li>phonetic: the same Double Metaphone code, one edit apart, opening with the same letter or one that sounds
 *       alike (c/k/q, f/p, s/z, i/y, v/w, g/j): "Danon", "Jarmin"; in a four-letter mark only a vowel or a
 *       same-sounding consonant may change ("Soni", "Zony"; not "Sone"). Sound-alikes two edits apart ("Filips",
 *       "Payoneer") were tried and dropped: among real brands they were other brands (Pioneer, Boston) more often
 *       than disguises.
 * </ul>
 */
public final class LookalikeRules {
  public static final int MIN_EDIT_LENGTH = 5;
  /** Marks from this length accept two edits (and carry two-deletion keys in the index, the bulk of its memory). */
  public static final int TWO_EDIT_LENGTH = 10;
  /** Marks from this length are in the phonetic index (4-letter marks only for one-edit sound-alikes). */
  public static final int MIN_PHONETIC_LENGTH = 4;

  /**
   * Marks up to this many letters are short: their lookalikes count only where a brand stands (the brand field or the
   * title's first word). Mid-title, a disguised or sound-alike four-letter word ("S0NY", "Soni") is as often a model
   * code or another word as a brand.
   */
  public static final int SHORT_MARK_LENGTH = MIN_EDIT_LENGTH - 1;

  private LookalikeRules() {}

  /** Whether a mark (its letters, words run together) is short in the sense of {@link #SHORT_MARK_LENGTH}. */
  public static boolean isShort(String normalizedMark) {
    int letters = 0;
    for (int i = 0; i < normalizedMark.length(); i++) {
      letters += normalizedMark.charAt(i) == ' ' ? 0 : 1;
    }
    return letters <= SHORT_MARK_LENGTH;
  }

  public static int maxEdits(int markLength) {
    return markLength < MIN_EDIT_LENGTH ? 0 : markLength < TWO_EDIT_LENGTH ? 1 : 2;
  }

  public static boolean acceptsEdit(String markForm, String candidateForm, int distance) {
    int len = markForm.length();
    int lengthChange = candidateForm.length() - len;
    if (distance < 1 || distance > maxEdits(len) || Math.abs(lengthChange) > 1) {
      return false; // two letters added or dropped is a longer or shorter word (Harmony/HarmonyOS), not a typo
    }
    if (len >= TWO_EDIT_LENGTH) {
      return true;
    }
    boolean substitution = lengthChange == 0 && !sameLetters(markForm, candidateForm);
    if (len == MIN_EDIT_LENGTH && (substitution || lengthChange < 0)) {
      return false;
    }
    return markForm.charAt(0) == candidateForm.charAt(0) || lengthChange != 0;
  }

  /** Same letters in another order (a transposition), as opposed to a substitution. */
  private static boolean sameLetters(String a, String b) {
    char[] x = a.toCharArray();
    char[] y = b.toCharArray();
    java.util.Arrays.sort(x);
    java.util.Arrays.sort(y);
    return java.util.Arrays.equals(x, y);
  }

  public static boolean acceptsPhonetic(String markForm, String candidateForm, int distance) {
    if (markForm.length() < MIN_PHONETIC_LENGTH || distance != 1
        || !sameInitialSound(markForm.charAt(0), candidateForm.charAt(0))) {
      return false;
    }
    // in a four-letter mark only a vowel, or a consonant for one that sounds the same, may change ("Soni",
    // "Zony"); any other consonant makes another word ("Sone", "Sory")
    return markForm.length() >= MIN_EDIT_LENGTH || consonants(markForm).equals(consonants(candidateForm));
  }

  /** The consonants, each replaced by the first letter of its {@link #INITIAL_SOUNDS} group. */
  private static String consonants(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("aeiouy".indexOf(c) < 0) {
        for (String group : INITIAL_SOUNDS) {
          if (group.indexOf(c) >= 0) {
            c = group.charAt(0);
          }
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  public static int maxPhoneticEdits(int markLength) {
    return 1;
  }

  /** Letters that open a word with the same sound often enough to disguise a brand: Kanon/Canon, Filips/Philips. */
  private static final String[] INITIAL_SOUNDS = {"ckq", "fp", "sz", "iy", "vw", "gj"};

  public static boolean sameInitialSound(char a, char b) {
    if (a == b) {
      return true;
    }
    for (String group : INITIAL_SOUNDS) {
      if (group.indexOf(a) >= 0 && group.indexOf(b) >= 0) {
        return true;
      }
    }
    return false;
  }
}
