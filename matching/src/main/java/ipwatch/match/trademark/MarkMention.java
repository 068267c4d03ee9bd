package ipwatch.match.trademark;

import ipwatch.model.Evidence;
import ipwatch.model.Trademark;

/** A registered mark found in a listing field, classified, with the span to show a reviewer. */
public record MarkMention(Trademark trademark, Placement placement, Evidence.Span span) {}
