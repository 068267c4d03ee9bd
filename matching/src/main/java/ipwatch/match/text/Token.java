package ipwatch.match.text;

/**
 * One normalised word of a text. {@code start}/{@code end} are UTF-16 offsets into the original string, so evidence
 * can quote exactly what the listing said, not what normalisation made of it.
 */
public record Token(String text, int start, int end) {}
