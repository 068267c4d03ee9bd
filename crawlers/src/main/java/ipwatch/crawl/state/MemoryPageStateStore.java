package ipwatch.crawl.state;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Kept for the life of the process only (tests, and crawls configured without {@code state.dir}). */
public final class MemoryPageStateStore implements PageStateStore {
  private final Map<String, PageState> pages = new ConcurrentHashMap<>();

  @Override
  public Optional<PageState> get(String url) {
    return Optional.ofNullable(pages.get(url));
  }

  @Override
  public void put(PageState state) {
    pages.put(state.url(), state);
  }

  @Override
  public void forEach(Consumer<PageState> action) {
    pages.values().forEach(action);
  }

  @Override
  public int size() {
    return pages.size();
  }

  @Override
  public void close() {}
}
