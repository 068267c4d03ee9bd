package ipwatch.match.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerTest {

  private static List<String> words(String text) {
    return Normalizer.tokenize(text).tokens().stream().map(Token::text).toList();
  }

  @Test
  void caseWidthAndDiacriticsAreFoldedAway() {
    assertEquals(List.of("nordvik"), words("ＮＯＲＤＶＩＫ"));
    assertEquals(List.of("nordvik"), words("Nórdvik"));
    assertEquals(List.of("nordvik"), words("No\u0301rdvik"));
    assertEquals(List.of("strasse"), words("STRAẞE"));
    assertEquals(List.of("fur", "nordvik"), words("für Nordvik"));
  }

  @Test
  void tokensPointBackIntoTheOriginalText() {
    String title = "  Nórdvik — Fjell PARKA!";
    TokenizedText t = Normalizer.tokenize(title);
    assertEquals(List.of("nordvik", "fjell", "parka"), t.tokens().stream().map(Token::text).toList());
    assertEquals("Nórdvik", title.substring(t.tokens().get(0).start(), t.tokens().get(0).end()));
    assertEquals("Fjell PARKA", t.originalText(1, 2));
  }

  @Test
  void decomposedAccentsStayInsideTheirToken() {
    String title = "No\u0301rdvik parka";
    TokenizedText t = Normalizer.tokenize(title);
    assertEquals("No\u0301rdvik", t.originalText(0, 1));
  }

  @Test
  void hanCharactersAreOneTokenEachSoMarksAreFoundWithoutSpaces() {
    assertEquals(List.of("耐", "克", "运", "动", "鞋"), words("耐克运动鞋"));
    assertEquals(List.of("适", "用", "于", "lumora", "耳", "机"), words("适用于Lumora耳机"));
  }

  @Test
  void emptyAndPunctuationOnlyTextsHaveNoTokens() {
    assertEquals(List.of(), words(null));
    assertEquals(List.of(), words(" -- !! "));
    assertEquals("nordvik fjell", Normalizer.normalize("NORDVIK  Fjell"));
  }
}
