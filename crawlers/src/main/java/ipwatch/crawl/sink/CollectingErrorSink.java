package ipwatch.crawl.sink;

import java.util.ArrayList;
import java.util.List;

/** Keeps crawl errors in memory, for tests and callers that report them themselves. */
public final class CollectingErrorSink implements ErrorSink {
  private final List<CrawlError> errors = new ArrayList<>();

  @Override
  public synchronized void accept(CrawlError error) {
    errors.add(error);
  }

  public synchronized List<CrawlError> errors() {
    return List.copyOf(errors);
  }
}
