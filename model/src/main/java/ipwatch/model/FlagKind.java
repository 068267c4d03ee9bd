package ipwatch.model;

public enum FlagKind {
  /** The mark is used as the product's own brand. */
  BRAND_USE,
  /** A confusingly similar spelling of the mark is used as the brand. */
  LOOKALIKE,
  /** Most elements of an independent claim are met by the listing. */
  PATENT_CLAIM,
  /** A near-duplicate of a listing that was taken down. */
  RELISTING
}
