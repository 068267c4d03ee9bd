package ipwatch.crawl.sink;

import ipwatch.model.Listing;
import ipwatch.model.Topics;

/** Listings to Kafka ({@code listings} by default), keyed by listingId so a recrawl lands on the same partition. */
public final class KafkaListingSink implements ListingSink {
  private final KafkaJsonProducer producer;

  public KafkaListingSink(String bootstrapServers, String topic) {
    this.producer = new KafkaJsonProducer(bootstrapServers, topic, "ipwatch-crawler-listings");
  }

  public KafkaListingSink(String bootstrapServers) {
    this(bootstrapServers, Topics.LISTINGS.name());
  }

  @Override
  public void accept(Listing listing) {
    producer.send(listing.listingId(), listing);
  }

  @Override
  public void close() {
    producer.close();
  }
}
