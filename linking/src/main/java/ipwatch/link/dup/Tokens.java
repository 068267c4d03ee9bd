package ipwatch.link.dup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words of a listing text: lower-cased runs of letters and digits, joined across inner - / . ("dsc-h50"). */
final class Tokens {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-/.][\\p{L}\\p{N}]+)*");

  private Tokens() {}

  /** The raw words (punctuation inside kept), at most {@code limit} of them. */
  static List<String> raw(String text, int limit) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (out.size() < limit && m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** A raw word with its inner punctuation removed: "KDL-40V2500" and "kdl40v2500" become one token. */
  static String squash(String raw) {
    StringBuilder b = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  static List<String> words(String text, int limit) {
    List<String> out = new ArrayList<>();
    for (String r : raw(text, limit)) {
      out.add(squash(r));
    }
    return out;
  }
}
