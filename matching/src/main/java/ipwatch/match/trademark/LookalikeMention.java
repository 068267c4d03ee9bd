package ipwatch.match.trademark;

/** A lookalike of a registered mark found in a listing field: where it stands and how it differs from the mark. */
public record LookalikeMention(MarkMention mention, Variant variant) {}
