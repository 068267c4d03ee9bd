package ipwatch.match.patent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits US-style claim text into preamble, transition and elements, and finds the claims a dependent claim refers
 * to. Independence is read from the text (a claim that refers to another claim is dependent), not from the
 * registry's {@code independent} field, which a producer may leave out. Heuristic, tested on the 225 real grants in
 * {@code ../shared/data/patents}: claim drafting follows conventions, not a grammar.
 */
public final class ClaimParser {
  private static final Pattern NUMBER = Pattern.compile("^\\s*(\\d+)\\s*[.)]\\s*");
  private static final Pattern REFERENCE = Pattern.compile(
      "\\bclaims?\\s+(\\d+)((?:\\s*(?:,|-|–|to|through|or|and|and/or)\\s*(?:claim\\s+)?\\d+)*)",
      Pattern.CASE_INSENSITIVE);
  /** "according to one or more of the previous claims": every earlier claim. */
  private static final Pattern ANY_PREVIOUS =
      Pattern.compile("\\b(?:previous|preceding|foregoing|above) claims\\b", Pattern.CASE_INSENSITIVE);
  /** "The port of 8": a dependent claim whose source lost the word "claim". */
  private static final Pattern BARE_REFERENCE =
      Pattern.compile("^The [^,;:]{1,60}? (?:of|in|according to) (\\d{1,3})\\b");
  /** A transition inside a Markush group ("selected from the group consisting of") is not the claim's transition. */
  private static final Pattern TRANSITION = Pattern.compile(
      "(?<!group )\\b(consisting essentially of|consisting of|comprising|comprises|including|includes|which comprises"
          + "|characteri[sz]ed in that|characteri[sz]ed by)\\b\\s*(?:the (?:following )?steps of\\b\\s*)?[:;,]?\\s*",
      Pattern.CASE_INSENSITIVE);
  /** "(a) ", "b) ", "c. " opening an item, after the start, a colon, semicolon, comma or space. */
  private static final Pattern LETTERED = Pattern.compile("(?:^|(?<=[\\s,:;]))(?:\\([a-z]\\)|[a-z]\\)|[a-z]\\.(?=\\s))\\s*");
  private static final Pattern CLAUSE =
      Pattern.compile("[,;]?\\s+(?=(?:and\\s+)?(?:wherein|whereby|characteri[sz]ed in that)\\b)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ARTICLE_ITEM = Pattern.compile(",\\s+(?:and\\s+)?(?=(?:an?|one or more|at least one)\\s)");

  private ClaimParser() {}

  public static ParsedClaim parse(int number, String text) {
    String body = text == null ? "" : text.strip();
    Matcher n = NUMBER.matcher(body);
    if (n.find()) {
      body = body.substring(n.end());
    }
    List<Integer> refs = references(body, number);
    Matcher t = TRANSITION.matcher(body);
    if (!t.find()) {
      return new ParsedClaim(number, refs, trimPunctuation(body), "", List.of());
    }
    String preamble = trimPunctuation(body.substring(0, t.start()));
    String transition = t.group(1).toLowerCase(Locale.ROOT);
    return new ParsedClaim(number, refs, preamble, transition, elements(body.substring(t.end())));
  }

  static List<Integer> references(String body, int self) {
    TreeSet<Integer> refs = new TreeSet<>();
    if (ANY_PREVIOUS.matcher(body).find()) {
      for (int i = 1; i < self; i++) {
        refs.add(i);
      }
    }
    Matcher bare = BARE_REFERENCE.matcher(body);
    if (bare.find()) {
      refs.add(Integer.parseInt(bare.group(1)));
    }
    Matcher m = REFERENCE.matcher(body);
    while (m.find()) {
      int first = Integer.parseInt(m.group(1));
      refs.add(first);
      Matcher more = Pattern.compile("(\\d+)").matcher(m.group(2));
      int last = first;
      while (more.find()) {
        int next = Integer.parseInt(more.group(1));
        boolean range = m.group(2).substring(0, more.start()).matches(".*(-|–|to|through)\\s*(claim\\s+)?$");
        for (int i = range ? last + 1 : next; i <= next && i - last < 200; i++) {
          refs.add(i);
        }
        last = next;
      }
    }
    refs.remove(self);
    refs.removeIf(r -> r <= 0 || (self > 0 && r > self));
    return List.copyOf(refs);
  }

  static List<String> elements(String body) {
    List<String> parts = new ArrayList<>();
    for (String semi : splitTopLevel(body)) {
      for (String item : LETTERED.split(semi)) {
        parts.add(item);
      }
    }
    parts.removeIf(p -> trimPunctuation(p).isEmpty());
    if (parts.size() == 1) {
      parts = List.of(ARTICLE_ITEM.split(parts.get(0)));
    }
    List<String> out = new ArrayList<>();
    for (String part : parts) {
      for (String clause : CLAUSE.split(part)) {
        String e = trimPunctuation(clause.strip().replaceFirst("(?i)^and\\s+", ""));
        if (!e.isEmpty()) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** Splits at semicolons outside parentheses (chemical names and value lists nest them). */
  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      } else if (c == ';' && depth == 0) {
        out.add(s.substring(from, i));
        from = i + 1;
      }
    }
    out.add(s.substring(from));
    return out;
  }

  private static String trimPunctuation(String s) {
    return s.strip().replaceAll("^[,;:.\\s]+|[,;:.\\s]+$", "").replaceFirst("(?i)^and$", "");
  }
}
