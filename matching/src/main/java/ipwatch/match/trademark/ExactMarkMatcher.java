package ipwatch.match.trademark;

import ipwatch.match.context.DescriptiveUse;
import ipwatch.match.text.ListingText;
import ipwatch.match.text.TokenizedText;
import ipwatch.model.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds registered marks, spelled exactly as registered after normalisation, in a listing's brand field and title and
 * says how each is used. Lookalike spellings are a separate matcher with its own, weaker signals.
 */
public final class ExactMarkMatcher {
  private final DescriptiveUse descriptiveUse;

  public ExactMarkMatcher(DescriptiveUse descriptiveUse) {
    this.descriptiveUse = descriptiveUse;
  }

  public List<MarkMention> find(MarkIndex index, ListingText listing) {
    List<MarkMention> mentions = new ArrayList<>();
    TokenizedText brand = listing.brand();
    for (MarkHit hit : index.find(brand)) {
      Placement placement =
          descriptiveUse.isDescriptive(brand, hit.firstToken())
              ? Placement.DESCRIPTIVE_MENTION
              : hit.tokenCount() == brand.size() ? Placement.BRAND_FIELD : Placement.BRAND_FIELD_CONTAINS;
      mentions.add(mention(hit, placement, ListingText.BRAND, brand));
    }
    TokenizedText title = listing.title();
    for (MarkHit hit : index.find(title)) {
      Placement placement =
          descriptiveUse.isDescriptive(title, hit.firstToken())
              ? Placement.DESCRIPTIVE_MENTION
              : hit.firstToken() == 0 ? Placement.TITLE_LEAD : Placement.TITLE_MENTION;
      mentions.add(mention(hit, placement, ListingText.TITLE, title));
    }
    return mentions;
  }

  private static MarkMention mention(MarkHit hit, Placement placement, String field, TokenizedText text) {
    int start = text.start(hit.firstToken());
    int end = text.end(hit.firstToken(), hit.tokenCount());
    return new MarkMention(
        hit.trademark(), placement, new Evidence.Span(field, start, end, text.original().substring(start, end)));
  }
}
