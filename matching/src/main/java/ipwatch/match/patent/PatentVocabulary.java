package ipwatch.match.patent;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.match.text.Normalizer;
import ipwatch.match.text.Token;
import ipwatch.match.text.TokenizedText;
import ipwatch.model.config.Config;
import ipwatch.model.config.ConfigException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How claim text and listing text become comparable terms: normalised words, function words and claim-drafting words
 * dropped ("said", "wherein", "plurality", "portion", "first"), Porter stems, and the synonym table of {@code
 * config/patent-synonyms.yaml} mapping a listing's everyday word to the claim's word. The same analysis runs on both
 * sides, so a crude stem is harmless as long as it is the same stem.
 */
public record PatentVocabulary(Map<String, String> synonyms) implements Serializable {
  /** The copy of {@code config/patent-synonyms.yaml} bundled in the jar. */
  public static final String RESOURCE = "ipwatch/match/patent-synonyms.yaml";

  private static final PatentVocabulary BUNDLED = from(Config.loadResource(RESOURCE, Map.of()), RESOURCE);

  /**
   * English function words, and the words of claim drafting that say nothing about what the product is: they occur
   * in most of the 225 real grants' claims (most frequent words in ../shared/data/patents, picked by hand).
   */
  static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "onto", "as",
      "is", "are", "be", "being", "been", "was", "were", "has", "have", "having", "had", "its", "it", "their", "this",
      "that", "these", "those", "which", "when", "where", "while", "such", "so", "than", "then", "there", "thereof",
      "therein", "thereon", "therefrom", "thereto", "therebetween", "whereby", "wherein", "said", "each", "other",
      "another", "any", "all", "both", "either", "one", "two", "three", "four", "more", "less", "least", "most", "only",
      "not", "no", "can", "may", "will", "shall", "if", "via", "upon", "between", "within", "through", "along",
      "about", "over", "under", "further", "also", "same", "respective", "respectively", "corresponding",
      "comprising", "comprises", "comprise", "comprised", "consisting", "including", "includes", "include",
      "characterized", "characterised", "claim", "claims", "claimed", "plurality", "first", "second", "third",
      "fourth", "substantially", "generally", "predetermined", "configured", "adapted", "arranged",
      "disposed", "positioned", "located", "provided", "providing", "operable", "capable", "associated", "defined",
      "defining", "formed", "forming", "portion", "portions", "member", "members", "element", "elements", "means",
      "part", "parts", "section", "unit", "region", "structure", "component", "device", "apparatus", "system",
      "method", "step", "steps", "thereby", "whereas", "use", "used", "using", "our", "your", "you", "we", "new",
      "set", "number", "type", "pair", "series", "array", "multiple", "several", "kind", "manner", "way", "order", "relation", "respect", "relative", "selected", "group");

  public PatentVocabulary {
    synonyms = Map.copyOf(synonyms);
  }

  public static PatentVocabulary bundled() {
    return BUNDLED;
  }

  /** Reads the {@code synonyms:} map (claim word → listing words) of a synonyms file. */
  public static PatentVocabulary from(Config file, String source) {
    JsonNode node = file.tree("synonyms").orElseThrow(() -> new ConfigException(source + " has no 'synonyms:' map"));
    Map<String, String> map = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String canonical = PorterStemmer.stem(Normalizer.normalize(e.getKey()));
      for (JsonNode alt : e.getValue()) {
        String stem = PorterStemmer.stem(Normalizer.normalize(alt.asText()));
        if (!stem.equals(canonical)) {
          map.putIfAbsent(stem, canonical);
        }
      }
    }
    return new PatentVocabulary(map);
  }

  /** The term a word stands for, or null when it says nothing (function word, claim boilerplate, number, letter). */
  public String term(String normalisedWord) {
    if (normalisedWord.length() < 2 || STOP_WORDS.contains(normalisedWord) || !Character.isLetter(normalisedWord.charAt(0))) {
      return null;
    }
    String stem = PorterStemmer.stem(normalisedWord);
    return synonyms.getOrDefault(stem, stem);
  }

  /** A stretch of text with its terms in order (stop words removed). Offsets are into the analysed string. */
  public record Passage(int start, int end, List<String> terms) {}

  /** The terms of {@code text}, one passage per sentence when {@code sentences}, else one passage for all of it. */
  public List<Passage> analyze(String text, boolean sentences) {
    TokenizedText tokens = Normalizer.tokenize(text);
    List<Passage> out = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    int start = -1;
    int end = -1;
    for (Token t : tokens.tokens()) {
      if (sentences && start >= 0 && sentenceBreak(tokens.original(), end, t.start())) {
        out.add(new Passage(start, end, terms));
        terms = new ArrayList<>();
        start = -1;
      }
      String term = term(t.text());
      if (term != null) {
        terms.add(term);
      }
      start = start < 0 ? t.start() : start;
      end = t.end();
    }
    if (start >= 0) {
      out.add(new Passage(start, end, terms));
    }
    return out;
  }

  /** A sentence ends at . ! ? ; • | or a line break between two words ("0.5" and "U.S." do not end one). */
  private static boolean sentenceBreak(String text, int from, int to) {
    String gap = text.substring(from, to);
    return gap.indexOf('\n') >= 0 || gap.matches(".*[.!?;•|]\\s.*") || gap.matches(".*[;•|].*");
  }
}
