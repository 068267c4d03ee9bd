package ipwatch.crawl.sink;

/** Where crawl failures go, so a failed URL is a record with its cause and never silently dropped. */
public interface ErrorSink extends AutoCloseable {
  void accept(CrawlError error);

  @Override
  default void close() {}
}
