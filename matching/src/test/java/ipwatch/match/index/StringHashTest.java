package ipwatch.match.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringHashTest {
  @Test
  void deletionHashesEqualTheHashesOfTheShorterStrings() {
    String s = "panasonic";
    StringHash h = new StringHash().reset(s);
    assertEquals(StringHash.of(s), h.whole());
    for (int i = 0; i < s.length(); i++) {
      assertEquals(StringHash.of(s.substring(0, i) + s.substring(i + 1)), h.without(i), "without " + i);
      for (int j = i + 1; j < s.length(); j++) {
        String two = s.substring(0, i) + s.substring(i + 1, j) + s.substring(j + 1);
        assertEquals(StringHash.of(two), h.without(i, j), "without " + i + "," + j);
      }
    }
    assertNotEquals(StringHash.of("ab"), StringHash.of("ba"));
  }

  @Test
  void theMultimapKeepsEveryIdOfAKeyAndCompactionDropsDeadOnes() {
    LongIntMultiMap map = new LongIntMultiMap(4);
    for (int i = 0; i < 10_000; i++) {
      map.put(i % 100, i);
    }
    map.put(0L, -7); // a key of 0 is stored too
    List<Integer> ids = new ArrayList<>();
    for (int s = map.first(42); s >= 0; s = map.next(42, s)) {
      ids.add(map.value(s));
    }
    assertEquals(100, ids.size());
    map.compact(id -> id % 2 == 0);
    ids.clear();
    for (int s = map.first(42); s >= 0; s = map.next(42, s)) {
      ids.add(map.value(s));
    }
    assertEquals(0, ids.size(), "ids of key 42 are all even: " + ids);
    assertEquals(-1, map.first(123_456L));
  }
}
