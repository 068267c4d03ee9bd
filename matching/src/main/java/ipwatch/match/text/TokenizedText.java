package ipwatch.match.text;

import java.util.List;

/** A field of a listing as the matchers see it: the original string and its normalised tokens. */
public record TokenizedText(String original, List<Token> tokens) {

  public static final TokenizedText EMPTY = new TokenizedText("", List.of());

  public TokenizedText {
    original = original == null ? "" : original;
    tokens = tokens instanceof Trusted ? tokens : List.copyOf(tokens);
  }

  /** The tokenizer's own list, handed over without a copy (copying was a quarter of the matcher's time). */
  static List<Token> trusted(java.util.ArrayList<Token> tokens) {
    return new Trusted(tokens);
  }

  private static final class Trusted extends java.util.AbstractList<Token> implements java.util.RandomAccess {
    private final java.util.ArrayList<Token> tokens;

    Trusted(java.util.ArrayList<Token> tokens) {
      this.tokens = tokens;
    }

    @Override
    public Token get(int index) {
      return tokens.get(index);
    }

    @Override
    public int size() {
      return tokens.size();
    }
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
