package ipwatch.match.text;

import ipwatch.model.Listing;

/** The fields of a listing the matchers read, tokenised once per listing. Field names are those of the contract. */
public record ListingText(TokenizedText brand, TokenizedText title) {
  public static final String BRAND = "brand";
  public static final String TITLE = "title";

  public static ListingText of(Listing listing) {
    return new ListingText(Normalizer.tokenize(listing.brand()), Normalizer.tokenize(listing.title()));
  }
}
