package ipwatch.link.dup;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Model numbers in a text: words that mix letters and digits ("KDL-40V2500", "dmcfz28k"), long digit runs (part
 * numbers such as "961464"), and - as weaker candidates - a short word glued to the number that follows it
 * ("coolpix p6000" -> "coolpixp6000"), since shops split series names differently. Quantities with a unit ("8gb",
 * "50ft", "1080p") are not model numbers: they agree across different products of a line.
 */
public record ModelNumbers(Set<String> strong, Set<String> weak) {
  private static final Pattern UNIT = Pattern.compile(
      "\\d+(gb|mb|tb|kb|ghz|mhz|hz|mp|megapixels?|mm|cm|in|inch|ft|lbs?|oz|w|v|x|p|i|k|th|nd|rd|st|pcs?|pk|pack|min"
          + "|hrs?|ms|ch|bit|mah|db|s|d|g|m|cu|qt|gal|ml|l)");

  public static ModelNumbers of(String text, int wordLimit) {
    List<String> words = Tokens.words(text, wordLimit);
    Set<String> strong = new HashSet<>();
    Set<String> weak = new HashSet<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (isModelNumber(w)) {
        strong.add(w);
      }
      if (i + 1 < words.size() && isSeriesWord(w)) {
        String next = words.get(i + 1);
        if (hasDigit(next) && !UNIT.matcher(next).matches()) {
          weak.add(w + next);
        }
      }
    }
    return new ModelNumbers(Set.copyOf(strong), Set.copyOf(weak));
  }

  public boolean isEmpty() {
    return strong.isEmpty();
  }

  static boolean isModelNumber(String w) {
    // cheapest test first: most words have no digit, and a word without one is neither a code nor a quantity
    if (w.length() < 4 || !hasDigit(w) || UNIT.matcher(w).matches()) {
      return false;
    }
    return w.length() >= 5 || hasLetter(w);
  }

  /**
   * 1 when a model number of one side equals one of the other (or differs only by a short letter suffix such as a
   * colour code, or a short prefix such as a maker's code), 0.9 when only a glued series form agrees, else 0.
   */
  public double agreement(ModelNumbers other) {
    if (anySame(strong, other.strong)) {
      return 1.0;
    }
    return anySame(strong, other.weak) || anySame(weak, other.strong) || anySame(weak, other.weak) ? 0.9 : 0.0;
  }

  private static boolean anySame(Set<String> a, Set<String> b) {
    for (String x : a) {
      for (String y : b) {
        if (same(x, y)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean same(String x, String y) {
    if (x.equals(y)) {
      return true;
    }
    String s = x.length() <= y.length() ? x : y;
    String l = s == x ? y : x;
    int extra = l.length() - s.length();
    if (extra > 3) {
      return false;
    }
    if (s.length() >= 4 && l.startsWith(s) && isLetters(l.substring(s.length()))) {
      return true;
    }
    return s.length() >= 6 && l.endsWith(s);
  }

  /** The blocking key of a model number: without a trailing letter suffix, so colour variants meet. */
  static String stem(String code) {
    int end = code.length();
    while (end > 0 && Character.isLetter(code.charAt(end - 1)) && code.length() - end < 3) {
      end--;
    }
    return end >= 4 && Character.isDigit(code.charAt(end - 1)) ? code.substring(0, end) : code;
  }

  private static boolean isSeriesWord(String w) {
    return w.length() >= 2 && w.length() <= 8 && isLetters(w);
  }

  // plain loops: these run for every word of every listing the relisting job profiles
  private static boolean hasDigit(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isDigit(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLetter(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isLetter(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLetters(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isLetter(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
