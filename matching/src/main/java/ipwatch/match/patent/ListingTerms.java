package ipwatch.match.patent;

import ipwatch.model.Listing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms of a listing's title, description, brand and category, analysed once per listing, by sentence so a
 * claim chart can quote the sentence that meets an element.
 */
public final class ListingTerms {
  /** One sentence of one field: its original text and its terms and phrases. */
  public record Sentence(String field, String text, Set<String> terms, Set<String> phrases) {}

  private final List<Sentence> sentences = new ArrayList<>();
  private final Set<String> terms = new HashSet<>();
  private final Set<String> phrases = new HashSet<>();

  public static ListingTerms of(Listing listing, PatentVocabulary vocabulary) {
    ListingTerms out = new ListingTerms();
    out.add("title", listing.title(), vocabulary);
    out.add("description", listing.description(), vocabulary);
    out.add("brand", listing.brand(), vocabulary);
    out.add("category", listing.category(), vocabulary);
    return out;
  }

  private void add(String field, String text, PatentVocabulary vocabulary) {
    if (text == null || text.isBlank()) {
      return;
    }
    for (PatentVocabulary.Passage p : vocabulary.analyze(text, true)) {
      Set<String> t = new HashSet<>(p.terms());
      Set<String> ph = new HashSet<>(ChartedClaim.phrases(p.terms()));
      sentences.add(new Sentence(field, text.substring(p.start(), p.end()), t, ph));
      terms.addAll(t);
      phrases.addAll(ph);
    }
  }

  public Set<String> terms() {
    return terms;
  }

  public boolean has(String term) {
    return terms.contains(term);
  }

  public boolean hasPhrase(String phrase) {
    return phrases.contains(phrase);
  }

  public List<Sentence> sentences() {
    return sentences;
  }
}
