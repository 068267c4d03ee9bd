package ipwatch.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class FrontierOffsetsTest {
  final TopicPartition p0 = new TopicPartition("crawl-frontier", 0);
  final TopicPartition p1 = new TopicPartition("crawl-frontier", 1);
  final FrontierOffsets offsets = new FrontierOffsets();

  long committable(TopicPartition tp) {
    return offsets.committable().get(tp).offset();
  }

  @Test
  void commitsOnlyUpToTheOldestOffsetStillInFlight() {
    for (long o = 0; o < 5; o++) {
      offsets.taken(p0, o);
    }
    offsets.done(p0, 0);
    offsets.done(p0, 1);
    offsets.done(p0, 3); // finished out of order: a slow host's URL at offset 2 is still running
    assertEquals(2, committable(p0));
    offsets.done(p0, 2);
    assertEquals(4, committable(p0));
  }

  @Test
  void commitsTheNextOffsetToReadWhenNothingIsInFlight() {
    offsets.taken(p0, 7);
    offsets.taken(p0, 8);
    offsets.done(p0, 8);
    offsets.done(p0, 7);
    assertEquals(9, committable(p0));
    assertEquals(0, offsets.inFlight());
  }

  @Test
  void partitionsAreCommittedIndependently() {
    offsets.taken(p0, 10);
    offsets.taken(p1, 3);
    offsets.taken(p1, 4);
    offsets.done(p1, 3);
    assertEquals(10, committable(p0));
    assertEquals(4, committable(p1));
    assertEquals(2, offsets.inFlight());
  }

  @Test
  void aForgottenPartitionIsNoLongerCommitted() {
    offsets.taken(p0, 1);
    offsets.taken(p1, 1);
    offsets.forget(p0);
    offsets.done(p0, 1); // the URL finished after the partition moved to another instance
    assertFalse(offsets.committable().containsKey(p0));
    assertEquals(1, committable(p1));
    assertEquals(1, offsets.inFlight());
  }
}
