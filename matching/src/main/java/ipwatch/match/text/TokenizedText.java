package ipwatch.match.text;

import java.util.List;

/** A field of a listing as the matchers see it: the original string and its normalised tokens. */
public record TokenizedText(String original, List<Token> tokens) {

  public static final TokenizedText EMPTY = new TokenizedText("", List.of());

  public TokenizedText {
    original = original == null ? "" : original;
    tokens = List.copyOf(tokens);
  }

  public int size() {
    return tokens.size();
  }

  public String token(int index) {
    return tokens.get(index).text();
  }

  /** The original text covered by {@code count} tokens from {@code first}, including what lies between them. */
  public String originalText(int first, int count) {
    return original.substring(start(first), end(first, count));
  }

  public int start(int first) {
    return tokens.get(first).start();
  }

  public int end(int first, int count) {
    return tokens.get(first + count - 1).end();
  }
}
