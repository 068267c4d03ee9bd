package ipwatch.match.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VariantGeneratorTest {
  private final VariantGenerator g = new VariantGenerator(new Random(3));

  @Test
  void everyVariantDiffersFromTheBrandItDisguises() {
    for (VariantGenerator.Kind kind : VariantGenerator.Kind.values()) {
      for (String brand : List.of("samsung", "panasonic", "garmin")) {
        Optional<String> v = g.variant(kind, brand);
        assertTrue(v.isPresent(), kind + " " + brand);
        assertNotEquals(brand, v.get(), kind + " " + brand);
      }
    }
  }

  @Test
  void homoglyphsComeFromOtherScriptsAndLeetKeepsMostLetters() {
    String h = g.homoglyph("samsung").orElseThrow();
    assertTrue(h.codePoints().anyMatch(c -> c > 127), h);
    assertEquals(Optional.empty(), g.leet("lg"), "a two-letter brand in digits is a number");
    String l = g.leet("samsung").orElseThrow();
    assertTrue(l.chars().filter(Character::isLetter).count() >= 5, l);
  }
}
