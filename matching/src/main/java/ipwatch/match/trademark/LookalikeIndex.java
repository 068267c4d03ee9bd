package ipwatch.match.trademark;

import ipwatch.match.index.AssetIds;
import ipwatch.match.index.LongIntMultiMap;
import ipwatch.match.index.StringHash;
import ipwatch.match.text.LookalikeForm;
import ipwatch.match.text.Normalizer;
import ipwatch.model.Trademark;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Registered marks by the spellings that imitate them, so a listing word is checked against a million marks with a
 * few dozen hash probes, never a scan:
 *
 * <ul>
 *   <li>visual keys ({@link LookalikeForm#visualKey}): homoglyphs, leetspeak and split letters;
 *   <li>the deletion neighbourhood of each mark's form (the form and every form with one letter deleted, the
 *       "symmetric delete" scheme): a listing word and a mark one substitution, insertion, deletion or transposition
 *       apart share a key, and words two edits apart are found by deleting two letters of the listing word;
 *   <li>Double Metaphone codes, for spellings that sound like the mark.
 * </ul>
 *
 * Every probe answer is verified against the real strings, so hash collisions cost time, never correctness.
 */
public final class LookalikeIndex {
  private static final int PHONETIC_CODE_LENGTH = 8;
  /**
   * At most this many marks per deletion or phonetic key. With a million generated names a short deletion key or a
   * common sound code is shared by hundreds of marks; such a key says nothing about which one a listing imitates,
   * and walking it for every listing word would make the cost grow with the registry. The exact mark and its visual
   * key are never limited, so a mark is always found as itself and in disguise.
   */
  static final int BUCKET_LIMIT = 48;
  private final DoubleMetaphone metaphone = new DoubleMetaphone();
  private final List<Trademark> marks = new ArrayList<>();
  private final List<String> forms = new ArrayList<>();
  private final List<String> normalized = new ArrayList<>();
  private final AssetIds ids = new AssetIds(id -> marks.get(id) == null ? null : marks.get(id).assetId());
  private int live;
  private final LongIntMultiMap visual = new LongIntMultiMap(1024);
  private final LongIntMultiMap deletions = new LongIntMultiMap(8192);
  private final LongIntMultiMap phonetic = new LongIntMultiMap(1024);
  private final StringHash hasher = new StringHash();
  private int dead;
  private String lastForm = "";
  private String lastCode = "";

  public LookalikeIndex() {
    metaphone.setMaxCodeLen(PHONETIC_CODE_LENGTH);
  }

  /** Receives each verified lookalike. */
  public interface Sink {
    void accept(Trademark mark, Variant variant);
  }

  public void put(Trademark tm) {
    put(tm, Normalizer.normalize(tm.mark()));
  }

  /**
   * As {@link #put(Trademark)}, with the mark already normalised ({@link Normalizer#normalize}); the registry passes
   * the string it also gives the exact index, so a million marks keep one copy of their words.
   */
  public void put(Trademark tm, String norm) {
    remove(tm.assetId());
    String form = LookalikeForm.form(norm.indexOf(' ') < 0 ? norm : norm.replace(" ", "")).text();
    if (form.isEmpty() || !StringHash.fits(form)) {
      return;
    }
    int id = marks.size();
    marks.add(tm);
    forms.add(form.equals(norm) ? norm : form);
    normalized.add(norm);
    ids.put(tm.assetId(), id);
    live++;
    visual.put(StringHash.of(LookalikeForm.visualKey(form)), id);
    if (form.length() >= LookalikeRules.MIN_EDIT_LENGTH) {
      hasher.reset(form);
      deletions.putLimited(hasher.whole(), id, BUCKET_LIMIT);
      for (int i = 0; i < form.length(); i++) {
        if (i == 0 || form.charAt(i) != form.charAt(i - 1)) { // deleting either of a double letter is one key
          deletions.putLimited(hasher.without(i), id, BUCKET_LIMIT);
        }
      }
      if (LookalikeRules.maxEdits(form.length()) >= 2) {
        // two substitutions only meet at two deletions on both sides; only long marks allow two edits
        for (int i = 0; i < form.length(); i++) {
          for (int j = i + 1; j < form.length(); j++) {
            if (form.charAt(j) != form.charAt(j - 1) || j == i + 1) {
              deletions.putLimited(hasher.without(i, j), id, BUCKET_LIMIT);
            }
          }
        }
      }
    }
    if (form.length() >= LookalikeRules.MIN_PHONETIC_LENGTH && isAsciiLetters(form)) {
      phonetic.putLimited(StringHash.of(metaphone.doubleMetaphone(form)), id, BUCKET_LIMIT);
    }
  }

  public void remove(String assetId) {
    int id = ids.get(assetId);
    if (id < 0) {
      return;
    }
    marks.set(id, null);
    forms.set(id, null);
    normalized.set(id, null);
    live--;
    dead++;
    if (dead > 1024 && dead * 2 > marks.size()) {
      visual.compact(i -> marks.get(i) == null);
      deletions.compact(i -> marks.get(i) == null);
      phonetic.compact(i -> marks.get(i) == null);
      ids.compact(i -> marks.get(i) == null);
      dead = 0; // ids stay stable; only the tables shrink
    }
  }

  public int size() {
    return live;
  }

  /**
   * Reports the marks the candidate imitates. Returns whether it looks exactly like a registered mark (or is one),
   * in which case no edit or phonetic lookalike is searched: a word that is itself a brand is not a typo of another.
   * {@code fuzzy} turns on edit and phonetic search (costlier, so the matcher asks only where a brand stands).
   */
  public boolean find(Candidate c, boolean fuzzy, Sink sink) {
    if (!c.hasLetters() || !StringHash.fits(c.form())) {
      return false;
    }
    boolean looksLikeAMark = false;
    long vk = StringHash.of(c.visualKey());
    for (int s = visual.first(vk); s >= 0; s = visual.next(vk, s)) {
      int id = visual.value(s);
      Trademark tm = marks.get(id);
      if (tm != null && LookalikeForm.visualKey(forms.get(id)).equals(c.visualKey())) {
        looksLikeAMark = true;
        String markWords = normalized.get(id);
        if (!markWords.equals(c.normalized())) {
          sink.accept(
              tm, new Variant(kindOfSameLooks(c, forms.get(id), markWords), 0, c.substitutions(), c.spacing()));
        }
      }
    }
    if (looksLikeAMark || !fuzzy || c.form().length() < LookalikeRules.MIN_EDIT_LENGTH - 1) {
      return looksLikeAMark;
    }
    List<Integer> seen = new ArrayList<>(4);
    hasher.reset(c.form());
    probeEdits(c, hasher.whole(), seen, sink);
    int n = c.form().length();
    for (int i = 0; i < n; i++) {
      probeEdits(c, hasher.without(i), seen, sink);
    }
    if (n >= LookalikeRules.TWO_EDIT_LENGTH - 1) {
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          probeEdits(c, hasher.without(i, j), seen, sink);
        }
      }
    }
    if (isAsciiLetters(c.form())) {
      probePhonetic(c, seen, sink);
    }
    return false;
  }

  /**
   * A mark's words written together ("DeLonghi" for De'Longhi, "PlayStation2") is the mark, not a disguise; the
   * same letters split further than the mark is ("Sam sung"), or disguised, is a lookalike.
   */
  private static Variant.Kind kindOfSameLooks(Candidate c, String markForm, String markWords) {
    int markTokens = 1;
    for (int i = 0; i < markWords.length(); i++) {
      markTokens += markWords.charAt(i) == ' ' ? 1 : 0;
    }
    boolean plain = c.substitutions() == 0 && c.spacing() != Candidate.Spacing.SPLIT && markForm.equals(c.form());
    return plain && c.tokenCount() <= markTokens ? Variant.Kind.JOINED : Variant.Kind.VISUAL;
  }

  private void probeEdits(Candidate c, long key, List<Integer> seen, Sink sink) {
    for (int s = deletions.first(key); s >= 0; s = deletions.next(key, s)) {
      int id = deletions.value(s);
      Trademark tm = marks.get(id);
      if (tm == null || seen.contains(id)) {
        continue;
      }
      String form = forms.get(id);
      int d = EditDistance.bounded(form, c.form(), LookalikeRules.maxEdits(form.length()));
      if (LookalikeRules.acceptsEdit(form, c.form(), d)) {
        seen.add(id);
        sink.accept(tm, new Variant(Variant.Kind.EDIT, d, c.substitutions(), c.spacing()));
      }
    }
  }

  private void probePhonetic(Candidate c, List<Integer> seen, Sink sink) {
    String code = phoneticCode(c.form());
    long key = StringHash.of(code);
    for (int s = phonetic.first(key); s >= 0; s = phonetic.next(key, s)) {
      int id = phonetic.value(s);
      Trademark tm = marks.get(id);
      if (tm == null || seen.contains(id)) {
        continue;
      }
      String form = forms.get(id);
      if (Math.abs(form.length() - c.form().length()) > 1
          || !LookalikeRules.sameInitialSound(form.charAt(0), c.form().charAt(0))) {
        continue; // cheap rejections first: a phonetic bucket holds many marks
      }
      int d = EditDistance.bounded(form, c.form(), 1);
      if (LookalikeRules.acceptsPhonetic(form, c.form(), d) && code.equals(metaphone.doubleMetaphone(form))) {
        seen.add(id);
        sink.accept(tm, new Variant(Variant.Kind.PHONETIC, d, c.substitutions(), c.spacing()));
      }
    }
  }

  /**
   * The candidate's sound code; the last one is remembered because a listing's brand field and the first word of its
   * title are usually the same word, and encoding was a tenth of the matcher's time.
   */
  private String phoneticCode(String form) {
    if (!form.equals(lastForm)) {
      lastForm = form;
      lastCode = metaphone.doubleMetaphone(form);
    }
    return lastCode;
  }

  private static boolean isAsciiLetters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 'a' || ch > 'z') {
        return false;
      }
    }
    return true;
  }
}
