package ipwatch.link.dup;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * How many listings contain each word, for inverse-document-frequency weights: a word most listings share ("black",
 * "digital") says little, a rare word ("toughskin") says a lot. The batch command counts the whole file first; the
 * job counts as listings arrive, so early scores lean on fewer counts.
 */
public final class DocumentFrequencies {
  private final Map<String, Integer> counts = new HashMap<>();
  private int documents;

  public void add(Collection<String> words) {
    documents++;
    for (String w : new HashSet<>(words)) {
      counts.merge(w, 1, Integer::sum);
    }
  }

  public double idf(String word) {
    return Math.log((documents + 1.0) / (counts.getOrDefault(word, 0) + 1.0));
  }

  public int documents() {
    return documents;
  }
}
