package ipwatch.match.trademark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.match.Fixtures;
import ipwatch.match.eval.MarkNames;
import ipwatch.match.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LookalikeIndexTest {
  private static List<String> found(LookalikeIndex index, String word, boolean fuzzy) {
    List<String> ids = new ArrayList<>();
    for (Candidate c : CandidateWindows.of(Normalizer.tokenize(word), 0, 1)) {
      index.find(c, fuzzy, (tm, v) -> ids.add(tm.assetId() + ":" + v.kind()));
    }
    return ids;
  }

  @Test
  void findsLookalikesAmongFiftyThousandMarksThroughTheIndex() {
    LookalikeIndex index = new LookalikeIndex();
    for (String name : MarkNames.generate(new Random(1), 50_000, Set.of("samsung", "sennheiser"), Set.of())) {
      index.put(Fixtures.mark("gen-" + name, name));
    }
    index.put(Fixtures.mark("tm-samsung", "Samsung"));
    index.put(Fixtures.mark("tm-sennheiser", "Sennheiser"));
    assertTrue(found(index, "Samsunq", true).contains("tm-samsung:EDIT"));
    assertTrue(found(index, "Ѕаmsung", false).contains("tm-samsung:VISUAL"));
    assertTrue(found(index, "Semnheiset", true).contains("tm-sennheiser:EDIT"));
    assertEquals(List.of(), found(index, "Samsunq", false), "no edits unless asked");
  }

  @Test
  void aRemovedMarkIsNoLongerFoundEvenAfterCompaction() {
    LookalikeIndex index = new LookalikeIndex();
    for (int i = 0; i < 3000; i++) {
      index.put(Fixtures.mark("tm-" + i, "Brandname" + (char) ('a' + i % 26) + i));
    }
    index.put(Fixtures.mark("tm-samsung", "Samsung"));
    for (int i = 0; i < 3000; i++) {
      index.remove("tm-" + i);
    }
    assertEquals(1, index.size());
    assertTrue(found(index, "Samsunq", true).contains("tm-samsung:EDIT"));
    index.remove("tm-samsung");
    assertEquals(List.of(), found(index, "Samsunq", true));
  }
}
