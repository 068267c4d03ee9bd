package ipwatch.match.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * The spelling a word is compared by when looking for lookalikes, built from a normalised token (already NFKC,
 * case-folded, without diacritics):
 *
 * <ul>
 *   <li>{@link #form}: letters that impersonate Latin letters are replaced by them, using the confusable
 *       prototypes of Unicode UTS #39 (ICU's {@link SpoofChecker}; no hand-written homoglyph table), so Cyrillic
 *       "ѕаmѕung" becomes "samsung"; digits become the letters they stand for in leetspeak ("n0rdv1k" → "nordvik").
 *       Edit distances are measured on this form.
 *   <li>{@link #visualKey}: the form with the Latin letter groups that look alike in most fonts collapsed (rn/m,
 *       vv/w, i/l), so "sarnsung" and "NORDVlK" are the same word to the eye, and to this key.
 * </ul>
 *
 * Mixed-script, leet and letter-group substitutions are recorded, because a seller who writes the brand that way
 * is disguising it: the matcher reports each as a signal.
 */
public final class LookalikeForm {
  /** What was substituted to get from the token to its form. */
  public static final int CONFUSABLE = 1;

  public static final int LEET = 2;

  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final String LEET_DIGITS = "olzeasgtbg"; // 0 1 2 3 4 5 6 7 8 9
  private static final String[] LATIN = new String[0x3000];

  private LookalikeForm() {}

  /** Leetspeak symbols that the tokenizer treats as separators but that stand for letters inside a word. */
  public static char leetSymbol(char c) {
    return switch (c) {
      case '@' -> 'a';
      case '$' -> 's';
      case '!', '|' -> 'l';
      case '€' -> 'e';
      default -> 0;
    };
  }

  /** The form of a normalised token, and which substitutions it took ({@link #CONFUSABLE}, {@link #LEET}). */
  public record Form(String text, int substitutions) {}

  public static Form form(String token) {
    StringBuilder out = null;
    int subs = 0;
    for (int i = 0; i < token.length(); ) {
      int cp = token.codePointAt(i);
      int next = i + Character.charCount(cp);
      String replacement = null;
      if (cp >= '0' && cp <= '9') {
        replacement = String.valueOf(LEET_DIGITS.charAt(cp - '0'));
        subs |= LEET;
      } else if (cp >= 128) {
        replacement = latin(cp);
        subs |= replacement == null ? 0 : CONFUSABLE;
      }
      if (replacement != null && out == null) {
        out = new StringBuilder(token.length()).append(token, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.appendCodePoint(cp);
        }
      }
      i = next;
    }
    return new Form(out == null ? token : out.toString(), subs);
  }

  /** The form with look-alike Latin letter groups collapsed: rn → m, vv → w, i → l. */
  public static String visualKey(String form) {
    int n = form.length();
    int k = 0;
    while (k < n && !startsGroup(form, k)) {
      k++;
    }
    if (k == n) {
      return form;
    }
    // one pass, one allocation (three chained replaces were a tenth of the matcher's time)
    StringBuilder out = new StringBuilder(n).append(form, 0, k);
    while (k < n) {
      char c = form.charAt(k);
      char next = k + 1 < n ? form.charAt(k + 1) : 0;
      if (c == 'r' && next == 'n') {
        out.append('m');
        k += 2;
      } else if (c == 'v' && next == 'v') {
        out.append('w');
        k += 2;
      } else {
        out.append(c == 'i' ? 'l' : c);
        k++;
      }
    }
    return out.toString();
  }

  private static boolean startsGroup(String form, int k) {
    char c = form.charAt(k);
    return c == 'i'
        || (c == 'r' && k + 1 < form.length() && form.charAt(k + 1) == 'n')
        || (c == 'v' && k + 1 < form.length() && form.charAt(k + 1) == 'v');
  }

  /** Whether a form differs from its visual key, i.e. the word relies on Latin letter groups that look alike. */
  public static boolean usesLookalikeLetters(String form, String otherForm) {
    return !form.equals(otherForm) && visualKey(form).equals(visualKey(otherForm));
  }

  /** The Latin letters a non-ASCII code point is confusable with, or null when it is not confusable with Latin. */
  private static String latin(int cp) {
    if (cp < LATIN.length) {
      String cached = LATIN[cp];
      if (cached == null) {
        cached = latinUncached(cp);
        LATIN[cp] = cached;
      }
      return cached.isEmpty() ? null : cached;
    }
    String s = latinUncached(cp);
    return s.isEmpty() ? null : s;
  }

  private static String latinUncached(int cp) {
    String skeleton = SPOOF.getSkeleton(SpoofChecker.ANY_CASE, new String(Character.toChars(cp)));
    String folded = NFD.normalize(NFKC_CASEFOLD.normalize(skeleton));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (UCharacter.getType(c) == UCharacterCategory.NON_SPACING_MARK) {
        continue;
      }
      if (c > 127 || !Character.isLetter(c)) {
        return "";
      }
      out.append(c);
    }
    return out.toString();
  }
}
