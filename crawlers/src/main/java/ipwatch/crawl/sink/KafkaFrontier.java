package ipwatch.crawl.sink;

import ipwatch.crawl.FrontierEntry;
import ipwatch.crawl.url.UrlCanonicalizer;
import java.net.URI;

/** Writes URLs to the frontier topic keyed by host (idempotent, acks=all like every producer here). */
public final class KafkaFrontier implements AutoCloseable {
  private final KafkaJsonProducer producer;

  public KafkaFrontier(String bootstrapServers, String topic) {
    this.producer = new KafkaJsonProducer(bootstrapServers, topic, "ipwatch-crawler-frontier");
  }

  public void add(URI canonicalUrl, int depth, boolean seed) {
    producer.send(UrlCanonicalizer.hostKey(canonicalUrl), new FrontierEntry(canonicalUrl.toString(), depth, seed));
  }

  @Override
  public void close() {
    producer.close();
  }
}
