package ipwatch.match.trademark;

import ipwatch.match.text.Normalizer;
import ipwatch.match.text.Token;
import ipwatch.match.text.TokenizedText;
import ipwatch.model.Trademark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registered marks as normalised token sequences, hashed by their first token. Looking a text up costs one hash probe
 * per token plus a comparison with the few marks that share that first token, so it does not grow with the number
 * of registered marks. Several assets may share a mark (the same word registered by different owners or in different
 * classes); each is reported.
 */
public final class MarkIndex {
  private final Map<String, List<Entry>> byFirstToken = new HashMap<>();
  private final Map<String, Entry> byAssetId = new HashMap<>();

  private record Entry(List<String> tokens, Trademark trademark) {}

  /** Adds or replaces the asset's mark. A mark with no letters or digits cannot be matched and is not indexed. */
  public void put(Trademark trademark) {
    remove(trademark.assetId());
    List<String> tokens = Normalizer.tokenize(trademark.mark()).tokens().stream().map(Token::text).toList();
    if (tokens.isEmpty()) {
      return;
    }
    Entry entry = new Entry(tokens, trademark);
    byAssetId.put(trademark.assetId(), entry);
    byFirstToken.computeIfAbsent(tokens.get(0), k -> new ArrayList<>(1)).add(entry);
  }

  public void remove(String assetId) {
    Entry old = byAssetId.remove(assetId);
    if (old == null) {
      return;
    }
    List<Entry> bucket = byFirstToken.get(old.tokens().get(0));
    bucket.remove(old);
    if (bucket.isEmpty()) {
      byFirstToken.remove(old.tokens().get(0));
    }
  }

  public int size() {
    return byAssetId.size();
  }

  /** Every occurrence of every indexed mark in the text, in text order. */
  public List<MarkHit> find(TokenizedText text) {
    List<MarkHit> hits = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      List<Entry> candidates = byFirstToken.get(text.token(i));
      if (candidates == null) {
        continue;
      }
      for (Entry candidate : candidates) {
        if (matchesAt(text, i, candidate.tokens())) {
          hits.add(new MarkHit(candidate.trademark(), i, candidate.tokens().size()));
        }
      }
    }
    return hits;
  }

  private static boolean matchesAt(TokenizedText text, int first, List<String> mark) {
    if (first + mark.size() > text.size()) {
      return false;
    }
    for (int k = 1; k < mark.size(); k++) {
      if (!mark.get(k).equals(text.token(first + k))) {
        return false;
      }
    }
    return true;
  }
}
