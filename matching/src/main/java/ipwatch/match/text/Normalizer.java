package ipwatch.match.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into comparable tokens: NFKC with full case folding (so "ＮＯＲＤＶＩＫ", "Nordvik" and "NORDVIK" agree),
 * diacritics stripped ("Nórdvik" → "nordvik"), split at anything that is not a letter or digit. Han, Hiragana and
 * Katakana characters are one token each, because CJK titles have no spaces and a mark such as 耐克 must still be
 * found inside 耐克运动鞋.
 *
 * <p>Each code point is normalised on its own so every token keeps offsets into the original string. The price is
 * that NFKC compositions spanning several code points are not applied; stripping combining marks afterwards makes
 * that irrelevant for matching. Lookalike letters (Cyrillic "о" for Latin "o") are deliberately not folded here:
 * that is the lookalike matcher's job, which reports it as its own signal.
 */
public final class Normalizer {
  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  private Normalizer() {}

  public static TokenizedText tokenize(String text) {
    if (text == null || text.isEmpty()) {
      return TokenizedText.EMPTY;
    }
    ArrayList<Token> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int tokenStart = -1;
    int tokenEnd = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      String folded = fold(cp);
      if (folded.isEmpty()) {
        // a combining mark or an ignorable: belongs to the token it sits in, adds nothing to compare
        if (tokenStart >= 0) {
          tokenEnd = next;
        }
      } else if (isSingleCharacterWord(cp)) {
        tokenEnd = flush(tokens, current, tokenStart, tokenEnd);
        tokenStart = -1;
        tokens.add(new Token(folded, i, next));
      } else if (isWordPart(folded)) {
        if (tokenStart < 0) {
          tokenStart = i;
        }
        current.append(folded);
        tokenEnd = next;
      } else {
        flush(tokens, current, tokenStart, tokenEnd);
        tokenStart = -1;
      }
      i = next;
    }
    flush(tokens, current, tokenStart, tokenEnd);
    return new TokenizedText(text, TokenizedText.trusted(tokens));
  }

  /** The normalised form of a phrase, tokens joined by one space: for dictionary keys and configuration values. */
  public static String normalize(String text) {
    return String.join(" ", tokenize(text).tokens().stream().map(Token::text).toList());
  }

  private static int flush(List<Token> tokens, StringBuilder current, int start, int end) {
    if (start >= 0 && current.length() > 0) {
      tokens.add(new Token(current.toString(), start, end));
    }
    current.setLength(0);
    return -1;
  }

  /**
   * Folded forms of BMP code points, filled on first use. Titles repeat the same few hundred characters, and ICU
   * normalisation of a single code point allocates several strings, so this cache is most of the tokenizer's speed.
   * Racy by design: two threads may compute the same immutable value.
   */
  private static final String[] FOLDED = new String[0x10000];

  static {
    for (int c = 0; c < 128; c++) {
      FOLDED[c] = Character.isLetterOrDigit(c) ? String.valueOf((char) Character.toLowerCase(c)) : " ";
    }
  }

  private static String fold(int codePoint) {
    if (codePoint < FOLDED.length) {
      String f = FOLDED[codePoint];
      if (f == null) {
        f = foldUncached(codePoint);
        FOLDED[codePoint] = f;
      }
      return f;
    }
    return foldUncached(codePoint);
  }

  private static String foldUncached(int codePoint) {
    if (codePoint == 0x2122 || codePoint == 0x2120) {
      return " "; // ™ and ℠ fold to the letters "tm"/"sm", but after a brand they end it: "Nordvik™" is "nordvik"
    }
    String decomposed = NFD.normalize(NFKC_CASEFOLD.normalize(new String(Character.toChars(codePoint))));
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .filter(c -> UCharacter.getType(c) != UCharacterCategory.NON_SPACING_MARK)
        // a few letters decompose to a space plus a letter (Greek ypogegrammeni "ͺ" → " ι"): keep the letter so
        // the word is not split where a counterfeiter put a lookalike
        .filter(c -> c != ' ' || !UCharacter.isLetter(codePoint))
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static boolean isWordPart(String folded) {
    if (folded.length() == 1 && folded.charAt(0) < 128) {
      return folded.charAt(0) != ' ';
    }
    return folded.codePoints().allMatch(UCharacter::isLetterOrDigit);
  }

  private static boolean isSingleCharacterWord(int codePoint) {
    if (codePoint < 0x2E80) {
      return false; // below the CJK radicals: no ideographs, Hiragana or Katakana
    }
    if (UCharacter.hasBinaryProperty(codePoint, UProperty.IDEOGRAPHIC)) {
      return true;
    }
    int script = UScript.getScript(codePoint);
    return script == UScript.HIRAGANA || script == UScript.KATAKANA;
  }
}
