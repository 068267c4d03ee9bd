package ipwatch.crawl.state;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The crawler's memory across restarts: every URL it has fetched, with validators and content hash, so a restarted
 * crawler resumes from what it knew and refetches only what is due, conditionally.
 */
public interface PageStateStore extends AutoCloseable {
  Optional<PageState> get(String url);

  void put(PageState state);

  /** Every known page, in no particular order (used once at start-up to requeue what is due). */
  void forEach(Consumer<PageState> action);

  int size();

  /** Makes what was put so far durable (end of a crawl run). */
  default void flush() {}

  @Override
  void close();
}
