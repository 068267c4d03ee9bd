package ipwatch.match.trademark;

import static ipwatch.match.Fixtures.mark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.match.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkIndexTest {

  private static List<String> found(MarkIndex index, String text) {
    return index.find(Normalizer.tokenize(text)).stream().map(h -> h.trademark().assetId()).toList();
  }

  @Test
  void findsTheRightMarksAmongFiftyThousand() {
    MarkIndex index = new MarkIndex();
    for (int i = 0; i < 50_000; i++) {
      index.put(mark("tm-" + i, "Brand" + i + (i % 3 == 0 ? " Works" : "")));
    }
    index.put(mark("tm-nordvik", "NORDVIK"));
    assertEquals(50_001, index.size());
    assertEquals(List.of("tm-nordvik", "tm-42"), found(index, "Nordvik parka by brand42 works"));
    assertEquals(List.of("tm-41"), found(index, "BRAND41 shoes"));
    assertEquals(List.of(), found(index, "brand42 shoes"), "a two-word mark needs both words");
  }

  @Test
  void multiWordMarksMatchAcrossPunctuationAndCase() {
    MarkIndex index = new MarkIndex();
    index.put(mark("tm-north", "North Ridge"));
    List<MarkHit> hits = index.find(Normalizer.tokenize("Jacket NORTH-RIDGE, black"));
    assertEquals(1, hits.size());
    assertEquals(1, hits.get(0).firstToken());
    assertEquals(2, hits.get(0).tokenCount());
    assertEquals(List.of(), found(index, "north face ridge"));
  }

  @Test
  void aReplacedOrRemovedMarkIsNoLongerFound() {
    MarkIndex index = new MarkIndex();
    index.put(mark("tm-a", "Alpha"));
    index.put(mark("tm-b", "Alpha"));
    assertEquals(List.of("tm-a", "tm-b"), found(index, "alpha"));
    index.put(mark("tm-a", "Beta"));
    assertEquals(List.of("tm-b"), found(index, "alpha"));
    assertEquals(List.of("tm-a"), found(index, "beta"));
    index.remove("tm-a");
    index.remove("tm-unknown");
    assertEquals(List.of(), found(index, "beta"));
    assertEquals(1, index.size());
  }

  @Test
  void marksStayFindableWhileRemovalsShrinkTheTables() {
    MarkIndex index = new MarkIndex();
    for (int i = 0; i < 3000; i++) {
      index.put(mark("tm-" + i, "Brand" + i + " Works"));
    }
    index.put(mark("tm-nordvik", "Nordvik"));
    for (int i = 0; i < 3000; i += 2) {
      index.remove("tm-" + i); // past half removed: the first-token and asset-id tables are rebuilt without them
    }
    index.put(mark("tm-1", "Lumora"));
    assertEquals(1501, index.size());
    assertEquals(List.of("tm-nordvik", "tm-3", "tm-1"), found(index, "nordvik brand3 works lumora brand2 works"));
    assertEquals(List.of(), found(index, "brand1 works"), "a replaced mark is gone under its old words");
    index.remove("tm-nordvik");
    assertEquals(List.of(), found(index, "nordvik"));
  }

  @Test
  void aMarkWithoutLettersIsNotIndexed() {
    MarkIndex index = new MarkIndex();
    index.put(mark("tm-dash", "—"));
    assertEquals(0, index.size());
    assertTrue(index.find(Normalizer.tokenize("— —")).isEmpty());
  }
}
