package ipwatch.crawl.sink;

import java.nio.file.Path;

/** Appends one {@link CrawlError} per line, so errors of successive runs accumulate. */
public final class JsonlErrorSink implements ErrorSink {
  private final JsonlWriter writer;

  public JsonlErrorSink(Path file) {
    this.writer = new JsonlWriter(file, true);
  }

  @Override
  public void accept(CrawlError error) {
    writer.write(error);
  }

  @Override
  public void close() {
    writer.close();
  }
}
