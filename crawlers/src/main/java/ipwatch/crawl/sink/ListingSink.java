package ipwatch.crawl.sink;

import ipwatch.model.Listing;

/** Where extracted listings go: Kafka in production, a JSONL file for the CLI, a list in tests. */
public interface ListingSink extends AutoCloseable {
  void accept(Listing listing);

  /** Flushes what is buffered; a sink that could not deliver everything says so here by throwing. */
  @Override
  default void close() {}
}
