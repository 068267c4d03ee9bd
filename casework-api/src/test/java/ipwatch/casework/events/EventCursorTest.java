package ipwatch.casework.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCursorTest {
  private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");

  @Test
  void idsAreReportedOnceInAscendingOrder() {
    EventCursor c = new EventCursor(10, Duration.ofSeconds(30));
    assertEquals(List.of(11L, 12L), c.advance(List.of(12L, 11L), T0));
    assertEquals(List.of(), c.advance(List.of(11L, 12L), T0));
    assertEquals(12, c.highest());
  }

  @Test
  void anIdCommittedLateIsStillReportedAfterAHigherOne() {
    EventCursor c = new EventCursor(0, Duration.ofSeconds(30));
    assertEquals(List.of(1L, 3L), c.advance(List.of(1L, 3L), T0));
    assertArrayEquals(new Long[] {2L}, c.gaps());
    assertEquals(List.of(2L, 4L), c.advance(List.of(2L, 4L), T0.plusSeconds(1)));
    assertArrayEquals(new Long[] {}, c.gaps());
  }

  @Test
  void aGapThatNeverFillsIsForgottenAfterTheTimeout() {
    EventCursor c = new EventCursor(0, Duration.ofSeconds(30));
    c.advance(List.of(2L), T0);
    assertArrayEquals(new Long[] {1L}, c.gaps());
    c.advance(List.of(), T0.plusSeconds(31));
    assertArrayEquals(new Long[] {}, c.gaps());
    assertEquals(List.of(), c.advance(List.of(1L), T0.plusSeconds(32)));
  }
}
