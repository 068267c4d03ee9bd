package ipwatch.match.trademark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipwatch.match.Fixtures;
import ipwatch.match.ListingMatcher;
import ipwatch.match.MatchSettings;
import ipwatch.match.Records;
import ipwatch.match.Registry;
import ipwatch.model.Flag;
import ipwatch.model.FlagKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lookalike spellings the local demo marketplace sells (local-stack's DemoCatalogueGenerator) are all found. */
class DemoLookalikesTest {
  @ParameterizedTest
  @CsvSource({
    "N0RDVIK, tm-nordvik, apparel", "Nordvick, tm-nordvik, apparel", "NORDV1K, tm-nordvik, apparel",
    "Nord-Vik, tm-nordvik, apparel", "Lumorra, tm-lumora, electronics", "LUM0RA, tm-lumora, electronics",
    "Lumoura, tm-lumora, electronics", "L-umora, tm-lumora, electronics", "V E L T A, tm-velta, watches",
    "Veltta, tm-velta, watches", "VELTAA, tm-velta, watches", "Ve1ta, tm-velta, watches"
  })
  void everyDemoLookalikeIsFlaggedAsALookalikeOfItsMark(String spelling, String assetId, String category)
      throws Exception {
    Registry registry = new Registry();
    Files.readAllLines(Path.of("../config/demo/registry.jsonl")).stream()
        .filter(l -> !l.isBlank())
        .forEach(l -> registry.put(Records.asset(l)));
    ListingMatcher matcher = new ListingMatcher(registry, MatchSettings.defaults());
    List<Flag> flags = matcher.match(
        Fixtures.listing(spelling + " item in the famous style", spelling, "demo-market:x", "50.00", category),
        Fixtures.NOW);
    assertEquals(List.of(assetId), flags.stream().map(Flag::assetId).toList(), spelling);
    assertEquals(FlagKind.LOOKALIKE, flags.get(0).kind(), spelling);
  }
}
