package ipwatch.match.trademark;

/** Where and how a mark appears in a listing; each placement is one kind of signal with its own weight. */
public enum Placement {
  /** The brand field is the mark and nothing else. */
  BRAND_FIELD(true),
  /** The brand field contains the mark among other words. */
  BRAND_FIELD_CONTAINS(true),
  /** The title opens with the mark, the usual place of the product's own brand. */
  TITLE_LEAD(true),
  /** The mark appears later in the title, not introduced by a descriptive cue. */
  TITLE_MENTION(true),
  /** The mark follows a cue such as "for" or "compatible with": a reference to another maker's product. */
  DESCRIPTIVE_MENTION(false);

  private final boolean brandUse;

  Placement(boolean brandUse) {
    this.brandUse = brandUse;
  }

  /** Whether this placement presents the mark as the product's own brand. */
  public boolean isBrandUse() {
    return brandUse;
  }
}
