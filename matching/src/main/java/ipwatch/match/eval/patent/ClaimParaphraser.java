package ipwatch.match.eval.patent;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a claim row (preamble or element) the way a seller might describe the same feature: claim-drafting words
 * replaced by everyday ones, some words exchanged for synonyms, others put in another grammatical form (plural or
 * singular, "-ed" or "-ing"). The synonym table here was written for the evaluation from ordinary English, on
 * purpose independent of the matcher's {@code config/patent-synonyms.yaml}: some of its replacements the matcher
 * knows (clip for clamp), many it does not (fixed for secured, opening for aperture), so recall is measured, not
 * assumed.
 */
final class ClaimParaphraser {
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
  private static final Map<String, List<String>> EVERYDAY = Map.ofEntries(
      Map.entry("said", List.of("the")),
      Map.entry("comprising", List.of("with", "having")),
      Map.entry("wherein", List.of("and", "where")),
      Map.entry("whereby", List.of("so that")),
      Map.entry("thereof", List.of("of it")),
      Map.entry("therein", List.of("inside")),
      Map.entry("plurality", List.of("number", "set")),
      Map.entry("substantially", List.of("")),
      Map.entry("configured", List.of("designed", "made")),
      Map.entry("adapted", List.of("designed", "made")),
      Map.entry("disposed", List.of("placed", "located")),
      Map.entry("secured", List.of("fixed", "fastened")),
      Map.entry("affixed", List.of("fixed", "attached")),
      Map.entry("elongated", List.of("long")),
      Map.entry("elongate", List.of("long")),
      Map.entry("aperture", List.of("opening", "hole")),
      Map.entry("apertures", List.of("openings", "holes")),
      Map.entry("receptacle", List.of("container", "holder")),
      Map.entry("container", List.of("box", "case")),
      Map.entry("clamping", List.of("clip", "clamp")),
      Map.entry("lanyard", List.of("strap", "cord")),
      Map.entry("cover", List.of("lid", "cap")),
      Map.entry("housing", List.of("casing", "shell")),
      Map.entry("detachably", List.of("removably")),
      Map.entry("detachable", List.of("removable")),
      Map.entry("utilizing", List.of("using")),
      Map.entry("employing", List.of("using")),
      Map.entry("permit", List.of("allow", "let")),
      Map.entry("display", List.of("screen")),
      Map.entry("conduit", List.of("tube", "pipe")),
      Map.entry("vessel", List.of("container", "pot")),
      Map.entry("fastener", List.of("clip", "fastening")),
      Map.entry("member", List.of("part", "piece")),
      Map.entry("portion", List.of("part", "section")),
      Map.entry("cushion", List.of("pad")),
      Map.entry("illumination", List.of("light", "lighting")));

  private final Random random;
  private final double synonymRate;
  private final double inflectionRate;

  ClaimParaphraser(Random random, double synonymRate, double inflectionRate) {
    this.random = random;
    this.synonymRate = synonymRate;
    this.inflectionRate = inflectionRate;
  }

  /** The row in a seller's words, without the claim's leading article, numbering and trailing punctuation. */
  String rewrite(String row) {
    String text = row.replaceAll("^\\s*(\\d+\\s*\\.|\\(?[a-z]\\)|[a-z]\\.)\\s*", "").replaceAll("[;:,.\\s]+$", "");
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(word(m.group())));
    }
    m.appendTail(out);
    return out.toString().replaceAll("\\s{2,}", " ").trim();
  }

  private String word(String w) {
    String lower = w.toLowerCase(java.util.Locale.ROOT);
    List<String> everyday = EVERYDAY.get(lower);
    boolean drafting = lower.equals("said") || lower.equals("wherein") || lower.equals("whereby")
        || lower.equals("comprising") || lower.equals("plurality");
    if (everyday != null && (drafting || random.nextDouble() < synonymRate)) {
      return everyday.get(random.nextInt(everyday.size()));
    }
    if (w.length() >= 5 && random.nextDouble() < inflectionRate) {
      return inflect(w);
    }
    return w;
  }

  /** Another form of the same word: plural or singular, "-ed" or "-ing" (what a stemmer must see through). */
  static String inflect(String w) {
    if (w.endsWith("ed")) {
      return w.substring(0, w.length() - 2) + "ing"; // connected -> connecting
    }
    if (w.endsWith("ing")) {
      return w; // "having" has no safe rewrite by rule
    }
    if (w.endsWith("s")) {
      boolean plural = !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is");
      return plural ? w.substring(0, w.length() - 1) : w; // sections -> section
    }
    return w.endsWith("y") || w.endsWith("x") || w.endsWith("h") ? w : w + "s"; // magnet -> magnets
  }
}
