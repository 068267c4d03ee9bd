package ipwatch.match.trademark;

import ipwatch.match.context.DescriptiveUse;
import ipwatch.match.text.ListingText;
import ipwatch.match.text.TokenizedText;
import ipwatch.model.Evidence;
import ipwatch.model.Trademark;

/** Classifies where a mark, exact or lookalike, stands in a listing field; shared by both matchers. */
final class Placements {
  private final DescriptiveUse descriptiveUse;

  Placements(DescriptiveUse descriptiveUse) {
    this.descriptiveUse = descriptiveUse;
  }

  Placement inBrand(TokenizedText brand, int first, int count) {
    if (descriptiveUse.isDescriptive(brand, first)) {
      return Placement.DESCRIPTIVE_MENTION;
    }
    return count == brand.size() ? Placement.BRAND_FIELD : Placement.BRAND_FIELD_CONTAINS;
  }

  Placement inTitle(TokenizedText title, int first) {
    if (descriptiveUse.isDescriptive(title, first)) {
      return Placement.DESCRIPTIVE_MENTION;
    }
    return first == 0 ? Placement.TITLE_LEAD : Placement.TITLE_MENTION;
  }

  static MarkMention mention(Trademark tm, Placement placement, String field, TokenizedText text, int first, int count) {
    int start = text.start(first);
    int end = text.end(first, count);
    return new MarkMention(tm, placement, new Evidence.Span(field, start, end, text.original().substring(start, end)));
  }
}
