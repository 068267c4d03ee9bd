package ipwatch.crawl.sink;

import ipwatch.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One JSON object per line, appended; shared by the JSONL listing and error sinks. Thread-safe. Each record goes to
 * the file in one write as a whole line before the sink reports it emitted: a crawler killed with SIGKILL leaves no
 * torn line, and no listing that its page state already counts as emitted (fault drill 6, docs/reliability.md).
 */
final class JsonlWriter implements AutoCloseable {
  private final Path file;
  private final FileChannel out;

  JsonlWriter(Path file, boolean append) {
    this.file = file;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + " for writing", e);
    }
  }

  synchronized void write(Object record) {
    ByteBuffer line = ByteBuffer.wrap((Json.write(record) + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      while (line.hasRemaining()) {
        out.write(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }
}
