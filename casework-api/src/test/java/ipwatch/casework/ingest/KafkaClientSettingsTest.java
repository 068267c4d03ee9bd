package ipwatch.casework.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipwatch.casework.registry.RegistryPublisher;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** DESIGN §5: idempotent acks=all producers, read_committed consumers that commit only after the work is done. */
class KafkaClientSettingsTest {

  @Test
  void theIngestionConsumerReadsCommittedAndCommitsByHand() {
    Properties p = InfringementsConsumer.consumerConfig("localhost:1", "g");
    assertEquals("read_committed", p.get("isolation.level"));
    assertEquals("false", p.get("enable.auto.commit"));
    assertEquals(String.valueOf(InfringementsConsumer.DEFAULT_MAX_POLL_RECORDS), p.get("max.poll.records"));
  }

  @Test
  void theRegistryProducerIsIdempotentWithAcksAll() {
    Properties p = RegistryPublisher.producerConfig("localhost:1");
    assertEquals("true", p.get("enable.idempotence"));
    assertEquals("all", p.get("acks"));
    assertEquals("5", p.get("max.in.flight.requests.per.connection"));
  }
}
