package ipwatch.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatePacerTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void nothingIsDueBeforeTheStart() {
    RatePacer pacer = new RatePacer(2_000, 5 * SECOND, 1_000_000);
    assertEquals(0, pacer.dueBy(0));
    assertEquals(0, pacer.dueBy(5 * SECOND));
  }

  @Test
  void recordsFallDueInProportionToElapsedTime() {
    RatePacer pacer = new RatePacer(2_000, 0, 1_000_000);
    assertEquals(2_000, pacer.dueBy(SECOND));
    assertEquals(1, pacer.dueBy(SECOND / 2_000));
    assertEquals(1_000, pacer.dueBy(SECOND / 2));
    assertEquals(20_000, pacer.dueBy(10 * SECOND));
  }

  @Test
  void aSenderThatFellBehindIsOwedEverythingDueSoFar() {
    RatePacer pacer = new RatePacer(500, 0, 1_000_000);
    long sent = pacer.dueBy(SECOND);
    // a three-second stall: the next call owes three seconds' worth at once
    assertEquals(1_500, pacer.dueBy(4 * SECOND) - sent);
  }

  @Test
  void neverMoreThanTheLimitIsDue() {
    RatePacer pacer = new RatePacer(2_000, 0, 3_000);
    assertEquals(3_000, pacer.dueBy(60 * SECOND));
    assertTrue(pacer.finished(3_000));
    assertFalse(pacer.finished(2_999));
  }

  @Test
  void theNthRecordIsDueAtNOverTheRate() {
    RatePacer pacer = new RatePacer(4, 10 * SECOND, 100);
    assertEquals(10 * SECOND + SECOND / 4, pacer.dueAt(1));
    assertEquals(12 * SECOND, pacer.dueAt(8));
    assertEquals(8, pacer.dueBy(pacer.dueAt(8)));
  }

  @Test
  void aRateThatIsNotPositiveIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RatePacer(0, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> new RatePacer(Double.NaN, 0, 10));
  }
}
