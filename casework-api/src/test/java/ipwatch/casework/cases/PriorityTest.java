package ipwatch.casework.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PriorityTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
  private static final JsonObject PATENT = new JsonObject().put("expires", "2029-06-30").put("referencePrices",
      new JsonArray().add(new JsonObject().put("amount", "349.00").put("currency", "EUR")));

  @Test
  void rescoringMovesOnlyTheScoresHalfOfThePriority() {
    for (double[] scores : new double[][] {{0.91, 0.55}, {0.4, 0.97}, {0.8, 0.8}}) {
      double opened = Priority.of(scores[0], PATENT, 3, TODAY);
      double rescored = Priority.rescored(opened, scores[0], scores[1]);
      assertEquals(Priority.of(scores[1], PATENT, 3, TODAY), rescored, 0.1, () -> scores[0] + " -> " + scores[1]);
    }
  }

  @Test
  void aRescoredPriorityStaysWithin0And100() {
    assertEquals(0.0, Priority.rescored(10, 1.0, 0.0));
    assertEquals(100.0, Priority.rescored(95, 0.0, 1.0));
  }
}
