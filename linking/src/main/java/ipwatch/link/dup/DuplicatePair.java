package ipwatch.link.dup;

/** Two listings judged the same product: {@code a} was seen before {@code b}. One line of the batch output. */
public record DuplicatePair(String a, String b, double score) {}
