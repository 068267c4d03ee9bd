package ipwatch.match.patent;

import ipwatch.model.Patent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry's patents with their independent claims parsed once (at {@code put}, not per listing), and an
 * inverted index term → patents so a listing is charted only against patents whose claims share at least {@link
 * #MIN_SHARED_TERMS} terms with it, not against every patent.
 */
public final class PatentIndex {
  /** Fewer shared terms cannot meet most rows of any claim with two or more rows. */
  static final int MIN_SHARED_TERMS = 2;

  /** A patent with the claims that can be charted. */
  public record Entry(Patent patent, List<ChartedClaim> claims) {}

  private final PatentVocabulary vocabulary;
  private final Map<String, Entry> byId = new LinkedHashMap<>();
  private final Map<String, List<String>> byTerm = new HashMap<>();

  public PatentIndex(PatentVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  public PatentVocabulary vocabulary() {
    return vocabulary;
  }

  public void put(Patent patent) {
    remove(patent.assetId());
    Entry e = new Entry(patent, ChartedClaim.of(patent, vocabulary));
    byId.put(patent.assetId(), e);
    for (String term : terms(e)) {
      byTerm.computeIfAbsent(term, k -> new ArrayList<>(2)).add(patent.assetId());
    }
  }

  public void remove(String assetId) {
    Entry e = byId.remove(assetId);
    if (e == null) {
      return;
    }
    for (String term : terms(e)) {
      List<String> ids = byTerm.get(term);
      ids.remove(assetId);
      if (ids.isEmpty()) {
        byTerm.remove(term);
      }
    }
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }

  public Collection<Entry> entries() {
    return Collections.unmodifiableCollection(byId.values());
  }

  /** Patents sharing at least {@link #MIN_SHARED_TERMS} distinct terms with the listing. */
  public List<Entry> candidates(ListingTerms listing) {
    Map<String, Integer> shared = new HashMap<>();
    for (String term : listing.terms()) {
      List<String> ids = byTerm.get(term);
      if (ids != null) {
        ids.forEach(id -> shared.merge(id, 1, Integer::sum));
      }
    }
    List<Entry> out = new ArrayList<>();
    shared.forEach((id, n) -> {
      if (n >= MIN_SHARED_TERMS) {
        out.add(byId.get(id));
      }
    });
    out.sort((a, b) -> a.patent().assetId().compareTo(b.patent().assetId()));
    return out;
  }

  private static Set<String> terms(Entry e) {
    Set<String> all = new java.util.HashSet<>();
    e.claims().forEach(c -> all.addAll(c.allTerms()));
    return all;
  }
}
