package ipwatch.match.trademark;

import ipwatch.match.context.DescriptiveUse;
import ipwatch.match.text.ListingText;
import ipwatch.match.text.Normalizer;
import ipwatch.match.text.TokenizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds spellings that imitate registered marks. Disguises (homoglyphs, leetspeak, letters split by spaces or
 * punctuation) are looked for everywhere in the brand field and title, one hash probe per candidate word; plain
 * look-alike spellings (rn/m, i/l, words run together or split) only where a brand stands. Edit and phonetic lookalikes are
 * looked for only where a brand stands: the brand field and the word(s) opening the title. Elsewhere in a title a
 * near-miss spelling is far more often an ordinary word than a disguised brand, and it could not reach the alert
 * threshold anyway; skipping it keeps the cost per listing flat.
 */
public final class LookalikeMatcher {
  /** Brand fields longer than this are not read word by word for fuzzy lookalikes (they are descriptions). */
  static final int BRAND_FIELD_WORDS = 4;

  private final Placements placements;

  public LookalikeMatcher(DescriptiveUse descriptiveUse) {
    this.placements = new Placements(descriptiveUse);
  }

  public List<LookalikeMention> find(LookalikeIndex index, ListingText listing) {
    List<LookalikeMention> out = new ArrayList<>();
    TokenizedText brand = listing.brand();
    boolean[] markAt = new boolean[brand.size()];
    for (Candidate c : CandidateWindows.of(brand, 0, brand.size())) {
      boolean fuzzy = c.firstToken() < BRAND_FIELD_WORDS && !markAt[c.firstToken()] && oneWord(brand, c);
      boolean mark = index.find(c, fuzzy, (tm, variant) -> {
        Placement p = placements.inBrand(brand, c.firstToken(), c.tokenCount());
        MarkMention m = Placements.mention(tm, p, ListingText.BRAND, brand, c.firstToken(), c.tokenCount());
        out.add(new LookalikeMention(m, variant));
      });
      markAt[c.firstToken()] |= mark && c.tokenCount() == 1;
    }
    TokenizedText title = listing.title();
    boolean markFirst = false;
    for (Candidate c : CandidateWindows.of(title, 0, title.size(), true)) {
      if (c.firstToken() > 0 && c.substitutions() == 0 && c.spacing() != Candidate.Spacing.SPLIT) {
        // past the title's first word a plain spelling ("nordvlk", "Sam sung") could only be a title mention,
        // which cannot reach the threshold without a disguise signal: not worth a probe per word
        continue;
      }
      boolean mark = index.find(c, c.firstToken() == 0 && !markFirst && oneWord(title, c), (tm, variant) -> {
        if (c.firstToken() > 0 && LookalikeRules.isShort(Normalizer.normalize(tm.mark()))) {
          return; // a short mark's lookalike counts only where a brand stands (LookalikeRules.SHORT_MARK_LENGTH)
        }
        Placement p = placements.inTitle(title, c.firstToken());
        MarkMention m = Placements.mention(tm, p, ListingText.TITLE, title, c.firstToken(), c.tokenCount());
        out.add(new LookalikeMention(m, variant));
      });
      // "Apple V" is the mark Apple and a letter, not one edit from "Apple TV": a word that is itself a registered
      // mark does not start a fuzzy lookalike of a longer one
      markFirst |= mark && c.firstToken() == 0 && c.tokenCount() == 1;
    }
    return out;
  }

  /**
   * Edit and phonetic lookalikes are searched in single words and in runs of single letters ("s a m s u n q"),
   * not in words joined together: "Canon NB-4L" read as "canonnbal" is two edits from "Canonical".
   */
  private static boolean oneWord(TokenizedText text, Candidate c) {
    if (c.tokenCount() == 1) {
      return true;
    }
    for (int k = c.firstToken(); k < c.firstToken() + c.tokenCount(); k++) {
      if (text.token(k).length() > 1) {
        return false;
      }
    }
    return true;
  }
}
