package ipwatch.crawl.sink;

import ipwatch.model.Listing;
import java.nio.file.Path;

/** Writes one Listing per line (the format `ipwatch match --listings` reads). Truncates an existing file. */
public final class JsonlListingSink implements ListingSink {
  private final JsonlWriter writer;

  public JsonlListingSink(Path file) {
    this.writer = new JsonlWriter(file, false);
  }

  @Override
  public void accept(Listing listing) {
    writer.write(listing);
  }

  @Override
  public void close() {
    writer.close();
  }
}
