package ipwatch.match.trademark;

import ipwatch.model.Trademark;

/** A registered mark found in a tokenised text: which tokens it covers. */
public record MarkHit(Trademark trademark, int firstToken, int tokenCount) {}
