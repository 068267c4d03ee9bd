package ipwatch.match.patent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PorterStemmerTest {
  @ParameterizedTest
  @CsvSource({
    "caresses,caress", "ponies,poni", "cats,cat", "agreed,agre", "plastered,plaster", "motoring,motor",
    "conflated,conflat", "hopping,hop", "filing,file", "happy,happi", "relational,relat", "conditional,condit",
    "hopefulness,hope", "electrical,electr", "adjustment,adjust", "clamping,clamp", "clamps,clamp",
    "magnetic,magnet", "magnetically,magnet", "pivotably,pivot", "skewers,skewer", "as,as"
  })
  void stemsAsPorterDoes(String word, String stem) {
    assertEquals(stem, PorterStemmer.stem(word));
  }
}
