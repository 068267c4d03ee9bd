package ipwatch.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
  private static LatencySummary of(long... millis) {
    LatencySummary s = new LatencySummary();
    for (long m : millis) {
      s.record(m);
    }
    return s;
  }

  @Test
  void percentilesUseTheNearestRankOverTheSortedValues() {
    LatencySummary s = new LatencySummary();
    for (int i = 100; i >= 1; i--) {
      s.record(i * 10L);
    }
    assertEquals(500, s.percentile(50));
    assertEquals(900, s.percentile(90));
    assertEquals(990, s.percentile(99));
    assertEquals(1_000, s.max());
    assertEquals(100, s.count());
  }

  @Test
  void aSingleSlowCaseIsTheMaximumButNotTheMedian() {
    LatencySummary s = of(200, 250, 300, 30_000);
    assertEquals(250, s.percentile(50));
    assertEquals(30_000, s.percentile(99));
    assertEquals(30_000, s.max());
  }

  @Test
  void oneValueIsEveryPercentile() {
    LatencySummary s = of(1_234);
    assertEquals(1_234, s.percentile(1));
    assertEquals(1_234, s.percentile(50));
    assertEquals(1_234, s.max());
  }

  @Test
  void manyValuesGrowTheStoreWithoutLosingAny() {
    LatencySummary s = new LatencySummary();
    for (int i = 1; i <= 5_000; i++) {
      s.record(i);
    }
    assertEquals(5_000, s.count());
    assertEquals(2_500, s.percentile(50));
    assertEquals(4_950, s.percentile(99));
  }

  @Test
  void theDescriptionGivesSecondsAndTheSampleCount() {
    String d = of(410, 800, 1_920, 2_300).describe();
    assertTrue(d.contains("p50 0.80 s"), d);
    assertTrue(d.contains("max 2.30 s"), d);
    assertTrue(d.contains("n=4"), d);
    assertEquals("no samples", new LatencySummary().describe());
  }

  @Test
  void aPercentileOfNothingOrOutOfRangeIsRefused() {
    assertThrows(IllegalStateException.class, () -> new LatencySummary().percentile(50));
    assertThrows(IllegalArgumentException.class, () -> of(1).percentile(0));
    assertThrows(IllegalArgumentException.class, () -> of(1).percentile(101));
  }

  @Test
  void memoryThatGrowsSteadilyHasAPositiveSlopeAndFlatMemoryNone() {
    List<MemorySampler.Sample> growing = List.of(new MemorySampler.Sample(0, 500, 1200, 900),
        new MemorySampler.Sample(1, 600, 1300, 900), new MemorySampler.Sample(2, 700, 1400, 900));
    assertEquals(100.0, LoadReport.slope(growing, MemorySampler.Sample::heapAfterGcMb), 1e-9);
    assertEquals(0.0, LoadReport.slope(growing, MemorySampler.Sample::esRssMb), 1e-9);
  }

  @Test
  void addAllKeepsTheOtherSummarysValuesAndItsOwn() {
    LatencySummary warm = new LatencySummary();
    LatencySummary a = new LatencySummary();
    LatencySummary b = new LatencySummary();
    for (int i = 1; i <= 1500; i++) {
      a.record(i);
    }
    b.record(10_000);
    warm.record(0);
    warm.addAll(a);
    warm.addAll(b);
    assertEquals(1502, warm.count());
    assertEquals(10_000, warm.max());
    assertEquals(750, warm.percentile(50));
    assertEquals(1500, a.count(), "the source is left as it was");
  }
}
