package ipwatch.crawl.state;

import ipwatch.crawl.fetch.Validators;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Page state in a directory: an append-only log ({@code pages.log}, one tab-separated line per fetch) replayed into
 * memory at start and compacted when it has grown to twice the live entries. Appends are flushed in batches, so a
 * crash loses at most the last second of updates, which only costs a few refetches. The whole state lives in memory
 * (about 200 bytes a URL): right for millions of URLs; beyond that, an embedded key-value store would implement
 * {@link PageStateStore} instead. One crawler process per directory.
 */
public final class FilePageStateStore implements PageStateStore {
  private static final Logger LOG = LoggerFactory.getLogger(FilePageStateStore.class);
  private static final long FLUSH_NANOS = 1_000_000_000L;
  private final Path log;
  private final Map<String, PageState> pages = new ConcurrentHashMap<>();
  private BufferedWriter out;
  private long lines;
  private long lastFlush = System.nanoTime();

  public FilePageStateStore(Path dir) {
    try {
      Files.createDirectories(dir);
      this.log = dir.resolve("pages.log");
      if (Files.exists(log)) {
        replay();
        if (lines > 2L * pages.size() + 1000) {
          compact();
        }
      }
      this.out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open crawler state in " + dir, e);
    }
  }

  @Override
  public Optional<PageState> get(String url) {
    return Optional.ofNullable(pages.get(url));
  }

  @Override
  public synchronized void put(PageState s) {
    pages.put(s.url(), s);
    try {
      out.write(encode(s));
      out.newLine();
      lines++;
      long now = System.nanoTime();
      if (now - lastFlush > FLUSH_NANOS) {
        out.flush();
        lastFlush = now;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write crawler state " + log, e);
    }
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
  public synchronized void flush() {
    try {
      out.flush();
      lastFlush = System.nanoTime();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write crawler state " + log, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      LOG.warn("closing crawler state {} failed", log, e);
    }
  }

  private void replay() throws IOException {
    try (var reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines++;
        decode(line).ifPresent(s -> pages.put(s.url(), s));
      }
    }
  }

  private void compact() throws IOException {
    Path tmp = log.resolveSibling("pages.log.tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (PageState s : pages.values()) {
        w.write(encode(s));
        w.newLine();
      }
    }
    Files.move(tmp, log, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    LOG.info("compacted crawler state {}: {} lines to {}", log, lines, pages.size());
    lines = pages.size();
  }

  static String encode(PageState s) {
    return String.join("\t", clean(s.url()), Integer.toString(s.depth()), clean(s.validators().etag()),
        clean(s.validators().lastModified()), clean(s.contentSha256()),
        Long.toString(s.fetchedAt() == null ? 0 : s.fetchedAt().toEpochMilli()));
  }

  /** A torn last line (crash mid-write) or a line from a future format is skipped, not fatal. */
  static Optional<PageState> decode(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 6 || f[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PageState(f[0], Integer.parseInt(f[1]), new Validators(blank(f[2]), blank(f[3])),
          blank(f[4]), Instant.ofEpochMilli(Long.parseLong(f[5]))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String clean(String v) {
    return v == null ? "" : v.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  private static String blank(String v) {
    return v.isEmpty() ? null : v;
  }
}
