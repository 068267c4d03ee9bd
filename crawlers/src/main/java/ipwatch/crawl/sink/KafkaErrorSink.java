package ipwatch.crawl.sink;

import ipwatch.model.Topics;

/** Crawl failures to Kafka ({@code crawl-errors} by default), keyed by URL. */
public final class KafkaErrorSink implements ErrorSink {
  private final KafkaJsonProducer producer;

  public KafkaErrorSink(String bootstrapServers, String topic) {
    this.producer = new KafkaJsonProducer(bootstrapServers, topic, "ipwatch-crawler-errors");
  }

  public KafkaErrorSink(String bootstrapServers) {
    this(bootstrapServers, Topics.CRAWL_ERRORS.name());
  }

  @Override
  public void accept(CrawlError error) {
    producer.send(error.url(), error);
  }

  @Override
  public void close() {
    producer.close();
  }
}
