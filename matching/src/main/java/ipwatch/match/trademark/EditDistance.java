package ipwatch.match.trademark;

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of adjacent letters
 * each cost one ("Smasung" is one edit from "Samsung"). A doubled letter is one insertion.
 */
public final class EditDistance {
  private EditDistance() {}

  /** The distance, or {@code max + 1} as soon as it is known to exceed {@code max}. */
  public static int bounded(String a, String b, int max) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > max) {
      return max + 1;
    }
    if (max <= 1) {
      return withinOne(a, b);
    }
    int[] prev2 = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, prev2[j - 2] + 1);
        }
        cur[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[m], max + 1);
  }

  /** 0, 1, or 2 meaning "more than one", in one pass: the common case of a verification. */
  static int withinOne(String a, String b) {
    int n = a.length();
    int m = b.length();
    int i = 0;
    while (i < n && i < m && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == n && i == m) {
      return 0;
    }
    if (n == m) {
      if (a.regionMatches(i + 1, b, i + 1, n - i - 1)) {
        return 1; // substitution
      }
      boolean swapped = i + 1 < n && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, n - i - 2);
      return swapped ? 1 : 2;
    }
    if (n == m + 1) {
      return a.regionMatches(i + 1, b, i, m - i) ? 1 : 2;
    }
    if (m == n + 1) {
      return b.regionMatches(i + 1, a, i, n - i) ? 1 : 2;
    }
    return 2;
  }
}
