package ipwatch.match.patent;

/**
 * The Porter (1980) suffix-stripping stemmer for English, so "clamping", "clamps" and "clamped" meet "clamp" and
 * "magnetic" meets "magnet" is left to the synonym table. Input is one lower-case word; words of two letters or
 * fewer and words with non-letters are returned unchanged. Stateless and thread-safe.
 */
public final class PorterStemmer {
  private PorterStemmer() {}

  public static String stem(String word) {
    if (word.length() <= 2 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return word;
    }
    StringBuilder w = new StringBuilder(word);
    step1a(w);
    step1b(w);
    step1c(w);
    step2(w);
    step3(w);
    step4(w);
    step5(w);
    return w.toString();
  }

  private static boolean consonant(CharSequence w, int i) {
    char c = w.charAt(i);
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
      return false;
    }
    return c != 'y' || i == 0 || !consonant(w, i - 1);
  }

  /** m: the number of vowel-consonant sequences in the first {@code len} letters. */
  private static int measure(CharSequence w, int len) {
    int m = 0;
    int i = 0;
    while (i < len && consonant(w, i)) {
      i++;
    }
    while (i < len) {
      while (i < len && !consonant(w, i)) {
        i++;
      }
      if (i >= len) {
        break;
      }
      m++;
      while (i < len && consonant(w, i)) {
        i++;
      }
    }
    return m;
  }

  private static boolean hasVowel(CharSequence w, int len) {
    for (int i = 0; i < len; i++) {
      if (!consonant(w, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean doubleConsonant(CharSequence w, int len) {
    return len >= 2 && w.charAt(len - 1) == w.charAt(len - 2) && consonant(w, len - 1);
  }

  /** *o: the stem ends consonant-vowel-consonant, the last not w, x or y ("hop", not "hoop"). */
  private static boolean cvc(CharSequence w, int len) {
    if (len < 3 || !consonant(w, len - 1) || consonant(w, len - 2) || !consonant(w, len - 3)) {
      return false;
    }
    char c = w.charAt(len - 1);
    return c != 'w' && c != 'x' && c != 'y';
  }

  private static boolean ends(StringBuilder w, String suffix) {
    int n = w.length();
    return n >= suffix.length() && w.indexOf(suffix, n - suffix.length()) == n - suffix.length();
  }

  /** Replaces {@code suffix} by {@code replacement} when the remaining stem has a measure above {@code minM}. */
  private static boolean replace(StringBuilder w, String suffix, String replacement, int minM) {
    if (!ends(w, suffix)) {
      return false;
    }
    int stem = w.length() - suffix.length();
    if (measure(w, stem) > minM) {
      w.setLength(stem);
      w.append(replacement);
    }
    return true;
  }

  private static void step1a(StringBuilder w) {
    if (ends(w, "sses") || ends(w, "ies")) {
      w.setLength(w.length() - 2);
    } else if (ends(w, "s") && !ends(w, "ss")) {
      w.setLength(w.length() - 1);
    }
  }

  private static void step1b(StringBuilder w) {
    if (ends(w, "eed")) {
      if (measure(w, w.length() - 3) > 0) {
        w.setLength(w.length() - 1);
      }
      return;
    }
    String suffix = ends(w, "ed") ? "ed" : ends(w, "ing") ? "ing" : null;
    if (suffix == null || !hasVowel(w, w.length() - suffix.length())) {
      return;
    }
    w.setLength(w.length() - suffix.length());
    if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) {
      w.append('e');
    } else if (doubleConsonant(w, w.length())) {
      char c = w.charAt(w.length() - 1);
      if (c != 'l' && c != 's' && c != 'z') {
        w.setLength(w.length() - 1);
      }
    } else if (measure(w, w.length()) == 1 && cvc(w, w.length())) {
      w.append('e');
    }
  }

  private static void step1c(StringBuilder w) {
    if (ends(w, "y") && hasVowel(w, w.length() - 1)) {
      w.setCharAt(w.length() - 1, 'i');
    }
  }

  private static final String[][] STEP2 = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"}, {"abli", "able"},
    {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"},
    {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},
    {"iviti", "ive"}, {"biliti", "ble"}
  };

  private static final String[][] STEP3 = {
    {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""}
  };

  private static final String[] STEP4 = {
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti",
    "ous", "ive", "ize"
  };

  private static void step2(StringBuilder w) {
    for (String[] r : STEP2) {
      if (replace(w, r[0], r[1], 0)) {
        return;
      }
    }
  }

  private static void step3(StringBuilder w) {
    for (String[] r : STEP3) {
      if (replace(w, r[0], r[1], 0)) {
        return;
      }
    }
  }

  private static void step4(StringBuilder w) {
    // longest suffix first where two could match ("ement" before "ment" before "ent")
    for (String suffix : STEP4) {
      if (!ends(w, suffix)) {
        continue;
      }
      int stem = w.length() - suffix.length();
      boolean ok = measure(w, stem) > 1
          && (!suffix.equals("ion") || (stem > 0 && (w.charAt(stem - 1) == 's' || w.charAt(stem - 1) == 't')));
      if (ok) {
        w.setLength(stem);
      }
      return;
    }
  }

  private static void step5(StringBuilder w) {
    int n = w.length();
    if (ends(w, "e")) {
      int m = measure(w, n - 1);
      if (m > 1 || (m == 1 && !cvc(w, n - 1))) {
        w.setLength(n - 1);
      }
    }
    n = w.length();
    if (ends(w, "l") && doubleConsonant(w, n) && measure(w, n) > 1) {
      w.setLength(n - 1);
    }
  }
}
