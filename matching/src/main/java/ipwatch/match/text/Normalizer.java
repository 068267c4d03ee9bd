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
    List<Token> tokens = new ArrayList<>();
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
    return new TokenizedText(text, tokens);
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

  private static String fold(int codePoint) {
    String decomposed = NFD.normalize(NFKC_CASEFOLD.normalize(new String(Character.toChars(codePoint))));
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .filter(c -> UCharacter.getType(c) != UCharacterCategory.NON_SPACING_MARK)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static boolean isWordPart(String folded) {
    return folded.codePoints().allMatch(UCharacter::isLetterOrDigit);
  }

  private static boolean isSingleCharacterWord(int codePoint) {
    if (UCharacter.hasBinaryProperty(codePoint, UProperty.IDEOGRAPHIC)) {
      return true;
    }
    int script = UScript.getScript(codePoint);
    return script == UScript.HIRAGANA || script == UScript.KATAKANA;
  }
}
