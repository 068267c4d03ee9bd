package ipwatch.match.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generated brand-like names (5 to 10 letters, alternating consonant clusters and vowels, like "Velmora" or
 * "Trandisk") to fill a registry to benchmark and evaluation sizes. Names already taken, or in {@code avoid}, are
 * skipped so a generated mark never turns a labelled negative into a true positive.
 */
public final class MarkNames {
  private static final String[] ONSETS = {
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "cr", "dr",
    "fl", "gr", "kl", "pr", "st", "tr", "sh", "ch", "th", "sk", "sp"
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "y", "ae", "io", "ou", "ea"};
  private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "x", "m", "k", "nd", "rt", "sk", "lt"};

  private MarkNames() {}

  public static List<String> generate(Random random, int count, Set<String> taken, Set<String> avoid) {
    List<String> out = new ArrayList<>(count);
    Set<String> seen = new HashSet<>(taken);
    while (out.size() < count) {
      int length = 5 + random.nextInt(6);
      StringBuilder b = new StringBuilder();
      while (b.length() < length) {
        b.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
        if (random.nextInt(3) == 0) {
          b.append(CODAS[random.nextInt(CODAS.length)]);
        }
      }
      String name = b.substring(0, Math.min(b.length(), length));
      if (!avoid.contains(name) && seen.add(name)) {
        out.add(name);
      }
    }
    return out;
  }
}
