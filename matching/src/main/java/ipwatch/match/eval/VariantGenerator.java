package ipwatch.match.eval;

import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Spells a brand the ways counterfeiters do, for the labelled evaluation set. Each method returns empty when the
 * disguise does not apply to the word (no letter with a leet digit, no sound rule that fits). Deliberately
 * independent of the matcher's tables: homoglyphs are drawn from every Cyrillic, Greek and Armenian letter whose
 * UTS #39 skeleton is the Latin letter, edits hit any position, and the sound rules are ordinary English spelling
 * alternatives, not the matcher's Double Metaphone.
 */
public final class VariantGenerator {
  /** The kinds of variant, as named in the evaluation table. */
  public enum Kind {
    HOMOGLYPH, EDIT, SPACING, LEET, PHONETIC
  }

  private static final Map<Character, List<String>> HOMOGLYPHS = homoglyphs();
  private static final Map<Character, String[]> LEET = Map.of(
      'a', new String[] {"4", "@"}, 'e', new String[] {"3"}, 'i', new String[] {"1", "!"}, 'o', new String[] {"0"},
      's', new String[] {"5", "$"}, 't', new String[] {"7"}, 'l', new String[] {"1"}, 'g', new String[] {"9"},
      'b', new String[] {"8"});
  private static final String[][] SOUNDS = {
    {"ph", "f"}, {"f", "ph"}, {"ck", "k"}, {"c", "k"}, {"k", "c"}, {"qu", "kw"}, {"x", "ks"}, {"s", "z"},
    {"z", "s"}, {"y", "i"}, {"i", "y"}, {"ee", "ea"}, {"oo", "u"}, {"ou", "ow"}, {"tion", "shun"}, {"er", "ur"},
    {"or", "oar"}, {"w", "wh"}, {"v", "w"}, {"g", "j"}, {"j", "g"}, {"ai", "ay"}, {"ay", "ai"}, {"nn", "n"},
    {"mm", "m"}, {"tt", "t"}, {"ll", "l"}, {"e", "a"}
  };
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private final Random random;

  public VariantGenerator(Random random) {
    this.random = random;
  }

  public Optional<String> variant(Kind kind, String word) {
    return switch (kind) {
      case HOMOGLYPH -> homoglyph(word);
      case EDIT -> Optional.of(edit(word));
      case SPACING -> Optional.of(spacing(word));
      case LEET -> leet(word);
      case PHONETIC -> phonetic(word);
    };
  }

  /** One or two letters replaced by letters of another script that look the same. */
  Optional<String> homoglyph(String word) {
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < word.length(); i++) {
      if (HOMOGLYPHS.containsKey(word.charAt(i))) {
        positions.add(i);
      }
    }
    if (positions.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(word);
    int n = Math.min(positions.size(), 1 + random.nextInt(2));
    for (int k = 0; k < n; k++) {
      int p = positions.remove(random.nextInt(positions.size()));
      List<String> options = HOMOGLYPHS.get(word.charAt(p));
      out.replace(p, p + 1, options.get(random.nextInt(options.size())));
    }
    return Optional.of(out.toString());
  }

  /** One typo: substitution, insertion, deletion, swap of neighbours or a doubled letter, anywhere. */
  String edit(String word) {
    int p = random.nextInt(word.length());
    String out;
    do {
      out = switch (random.nextInt(5)) {
        case 0 -> word.substring(0, p) + randomLetter(word.charAt(p)) + word.substring(p + 1);
        case 1 -> word.substring(0, p) + randomLetter(' ') + word.substring(p);
        case 2 -> word.length() > 3 ? word.substring(0, p) + word.substring(p + 1) : word + randomLetter(' ');
        case 3 -> p + 1 < word.length()
            ? word.substring(0, p) + word.charAt(p + 1) + word.charAt(p) + word.substring(p + 2)
            : word.substring(0, p) + word.charAt(p) + word.charAt(p);
        default -> word.substring(0, p + 1) + word.charAt(p) + word.substring(p + 1);
      };
      p = random.nextInt(word.length());
    } while (out.equalsIgnoreCase(word));
    return out;
  }

  /** Letters split: "s a m s u n g", "S.A.M.S.U.N.G", "sam-sung", "sam sung". */
  String spacing(String word) {
    if (word.length() < 2) {
      return word;
    }
    int p = 1 + random.nextInt(word.length() - 1);
    return switch (random.nextInt(4)) {
      case 0 -> String.join(" ", word.split(""));
      case 1 -> String.join(".", word.split(""));
      case 2 -> word.substring(0, p) + "-" + word.substring(p);
      default -> word.substring(0, p) + " " + word.substring(p);
    };
  }

  /** One or two letters written as digits or symbols. */
  Optional<String> leet(String word) {
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < word.length(); i++) {
      if (LEET.containsKey(Character.toLowerCase(word.charAt(i)))) {
        positions.add(i);
      }
    }
    if (positions.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(word);
    // at most a third of the letters: "19" for "lg" is a number, not a disguised brand
    int n = Math.min(Math.min(positions.size(), 1 + random.nextInt(2)), Math.max(1, word.length() / 3));
    if (word.length() < 3) {
      return Optional.empty();
    }
    for (int k = 0; k < n; k++) {
      int p = positions.remove(random.nextInt(positions.size()));
      String[] options = LEET.get(Character.toLowerCase(word.charAt(p)));
      out.replace(p, p + 1, options[random.nextInt(options.length)]);
    }
    return Optional.of(out.toString());
  }

  /** One spelling change that keeps the sound (ph/f, c/k, s/z, ...), at a random place where one applies. */
  Optional<String> phonetic(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    List<int[]> options = new ArrayList<>();
    for (int r = 0; r < SOUNDS.length; r++) {
      for (int i = lower.indexOf(SOUNDS[r][0]); i >= 0; i = lower.indexOf(SOUNDS[r][0], i + 1)) {
        options.add(new int[] {r, i});
      }
    }
    if (options.isEmpty()) {
      return Optional.empty();
    }
    int[] o = options.get(random.nextInt(options.size()));
    String[] rule = SOUNDS[o[0]];
    String replacement = Character.isUpperCase(word.charAt(o[1])) ? rule[1].toUpperCase(Locale.ROOT) : rule[1];
    return Optional.of(word.substring(0, o[1]) + replacement + word.substring(o[1] + rule[0].length()));
  }

  private char randomLetter(char not) {
    char c;
    do {
      c = LETTERS.charAt(random.nextInt(LETTERS.length()));
    } while (c == Character.toLowerCase(not));
    return c;
  }

  /** Latin letter → letters of other scripts whose UTS #39 skeleton is that letter, found by asking ICU. */
  private static Map<Character, List<String>> homoglyphs() {
    SpoofChecker spoof = new SpoofChecker.Builder().build();
    Map<Character, List<String>> map = new HashMap<>();
    int[][] blocks = {{0x0370, 0x03FF}, {0x0400, 0x04FF}, {0x0530, 0x058F}};
    for (int[] block : blocks) {
      for (int cp = block[0]; cp <= block[1]; cp++) {
        if (!Character.isLetter(cp)) {
          continue;
        }
        String s = new String(Character.toChars(cp));
        String skeleton = spoof.getSkeleton(SpoofChecker.ANY_CASE, s);
        if (skeleton.length() == 1 && skeleton.charAt(0) < 128 && Character.isLetter(skeleton.charAt(0))) {
          char latin = skeleton.charAt(0);
          // same case only: a capital that looks like a small letter would be visible
          if (Character.isUpperCase(latin) == Character.isUpperCase(cp)) {
            map.computeIfAbsent(latin, k -> new ArrayList<>()).add(s);
          }
        }
      }
    }
    return map;
  }
}
