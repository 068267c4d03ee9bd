package ipwatch.match.trademark;

import ipwatch.match.index.AssetIds;
import ipwatch.match.index.LongIntMultiMap;
import ipwatch.match.index.StringHash;
import ipwatch.match.text.Normalizer;
import ipwatch.match.text.TokenizedText;
import ipwatch.model.Trademark;
import java.util.ArrayList;
import java.util.List;

/**
 * Registered marks as normalised token sequences, hashed by their first token. Looking a text up costs one hash probe
 * per token plus a comparison with the few marks that share that first token, so it does not grow with the number
 * of registered marks. Several assets may share a mark (the same word registered by different owners or in different
 * classes); each is reported.
 *
 * <p>Compact on purpose (a million marks must fit beside the lookalike indexes in well under a gigabyte): a mark is
 * an int id, its normalised words one string (shared with the lookalike index when the registry passes it), the
 * first-token table a {@link LongIntMultiMap} of 8-byte slots; no map entries, lists or token objects per mark.
 */
public final class MarkIndex {
  private final LongIntMultiMap byFirstToken = new LongIntMultiMap(1024);
  private final List<Trademark> marks = new ArrayList<>();
  private final List<String> words = new ArrayList<>(); // the mark's tokens joined by single spaces
  private final AssetIds ids = new AssetIds(id -> marks.get(id) == null ? null : marks.get(id).assetId());
  private int live;
  private int dead;

  /** Adds or replaces the asset's mark. A mark with no letters or digits cannot be matched and is not indexed. */
  public void put(Trademark trademark) {
    put(trademark, Normalizer.normalize(trademark.mark()));
  }

  /** As {@link #put(Trademark)}, with the mark already normalised ({@link Normalizer#normalize}). */
  public void put(Trademark trademark, String normalized) {
    remove(trademark.assetId());
    if (normalized.isEmpty()) {
      return;
    }
    int id = marks.size();
    marks.add(trademark);
    words.add(normalized);
    ids.put(trademark.assetId(), id);
    byFirstToken.put(firstTokenHash(normalized), id);
    live++;
  }

  public void remove(String assetId) {
    int id = ids.get(assetId);
    if (id < 0) {
      return;
    }
    marks.set(id, null);
    words.set(id, null);
    live--;
    if (++dead > 1024 && dead * 2 > marks.size()) {
      byFirstToken.compact(i -> marks.get(i) == null);
      ids.compact(i -> marks.get(i) == null);
      dead = 0; // ids stay stable; only the tables shrink
    }
  }

  public int size() {
    return live;
  }

  /** Every occurrence of every indexed mark in the text, in text order. */
  public List<MarkHit> find(TokenizedText text) {
    List<MarkHit> hits = null;
    for (int i = 0; i < text.size(); i++) {
      long key = StringHash.of(text.token(i));
      for (int s = byFirstToken.first(key); s >= 0; s = byFirstToken.next(key, s)) {
        int id = byFirstToken.value(s);
        Trademark tm = marks.get(id);
        if (tm == null) {
          continue;
        }
        int count = matchesAt(text, i, words.get(id));
        if (count > 0) {
          hits = hits == null ? new ArrayList<>(2) : hits;
          hits.add(new MarkHit(tm, i, count));
        }
      }
    }
    return hits == null ? List.of() : hits;
  }

  private static long firstTokenHash(String words) {
    int space = words.indexOf(' ');
    return StringHash.of(space < 0 ? words : words.substring(0, space));
  }

  /** How many tokens the mark covers when its words follow each other from token {@code first}, else 0. */
  private static int matchesAt(TokenizedText text, int first, String words) {
    int from = 0;
    int k = first;
    while (true) {
      if (k >= text.size()) {
        return 0;
      }
      String token = text.token(k);
      int end = from + token.length();
      if (end > words.length() || !words.startsWith(token, from)
          || (end < words.length() && words.charAt(end) != ' ')) {
        return 0;
      }
      k++;
      if (end == words.length()) {
        return k - first;
      }
      from = end + 1;
    }
  }
}
