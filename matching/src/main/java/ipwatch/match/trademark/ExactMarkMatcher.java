package ipwatch.match.trademark;

import ipwatch.match.context.DescriptiveUse;
import ipwatch.match.text.ListingText;
import ipwatch.match.text.TokenizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds registered marks, spelled exactly as registered after normalisation, in a listing's brand field and title and
 * says how each is used. Lookalike spellings are a separate matcher with its own, weaker signals.
 */
public final class ExactMarkMatcher {
  private final Placements placements;

  public ExactMarkMatcher(DescriptiveUse descriptiveUse) {
    this.placements = new Placements(descriptiveUse);
  }

  public List<MarkMention> find(MarkIndex index, ListingText listing) {
    List<MarkMention> mentions = new ArrayList<>();
    TokenizedText brand = listing.brand();
    for (MarkHit hit : index.find(brand)) {
      if (inCompound(brand, hit)) {
        continue;
      }
      Placement placement = placements.inBrand(brand, hit.firstToken(), hit.tokenCount());
      mentions.add(
          Placements.mention(hit.trademark(), placement, ListingText.BRAND, brand, hit.firstToken(), hit.tokenCount()));
    }
    TokenizedText title = listing.title();
    for (MarkHit hit : index.find(title)) {
      if (inCompound(title, hit)) {
        continue;
      }
      Placement placement = placements.inTitle(title, hit.firstToken());
      mentions.add(
          Placements.mention(hit.trademark(), placement, ListingText.TITLE, title, hit.firstToken(), hit.tokenCount()));
    }
    return mentions;
  }

  /**
   * "Z-Line" is a word of its own, not the mark "Line": a mark glued by a hyphen to a single letter or digit is part
   * of a compound (a longer compound, "Samsung-Galaxy", still names the mark).
   */
  static boolean inCompound(TokenizedText text, MarkHit hit) {
    int first = hit.firstToken();
    int last = first + hit.tokenCount() - 1;
    return (first > 0 && glued(text, first - 1, first) && text.token(first - 1).length() == 1)
        || (last + 1 < text.size() && glued(text, last, last + 1) && text.token(last + 1).length() == 1);
  }

  private static boolean glued(TokenizedText text, int left, int right) {
    int end = text.tokens().get(left).end();
    int start = text.start(right);
    return start == end + 1 && text.original().charAt(end) == '-';
  }
}
