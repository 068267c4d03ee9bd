package ipwatch.match.context;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.match.text.Normalizer;
import ipwatch.match.text.TokenizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DescriptiveUseTest {
  private final DescriptiveUse cues = DescriptiveUse.withDefaultCues();

  private boolean descriptive(String text) {
    TokenizedText t = Normalizer.tokenize(text);
    int at = t.tokens().stream().map(x -> x.text()).toList().indexOf("lumora");
    return cues.isDescriptive(t, at);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Case for Lumora Aria", "Ear pads compatible with Lumora", "Cable fits your LUMORA", "Works with lumora",
        "Ersatzpolster FÜR Lumora", "Étui pour Lumora", "Funda compatible con Lumora", "Almohadillas para la Lumora",
        "耳机套适用于Lumora", "兼容 Lumora 耳机"
      })
  void aMarkAfterACueIsDescriptive(String text) {
    assertTrue(descriptive(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Lumora Aria headphones", "Headphones Lumora for kids", "Genuine Lumora", "Formal Lumora"})
  void aMarkUsedAsBrandIsNotDescriptive(String text) {
    assertFalse(descriptive(text), text);
  }

  @Test
  void aMarkAtTheStartHasNoCue() {
    assertFalse(cues.isDescriptive(Normalizer.tokenize("Lumora"), 0));
  }
}
