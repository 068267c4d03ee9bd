package ipwatch.local.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a distribution zip with one top-level folder (elasticsearch-8.19.21/) once. The top-level folder carries the
 * version, so a new version unpacks beside the old one instead of over it.
 *
 * <p>Unpacking goes to a temporary folder that is renamed at the end, and a marker is written last: an interrupted
 * unpack is never mistaken for a complete one.
 */
final class ZipUnpacker {
  static final String MARKER = ".ipwatch-unpacked";

  private ZipUnpacker() {}

  /** The unpacked top-level folder inside {@code targetDir}, unpacking only when it is missing or incomplete. */
  static Path unpackOnce(Path zip, Path targetDir) {
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      String top = topLevelFolder(zf, zip);
      Path home = targetDir.resolve(top);
      if (Files.exists(home.resolve(MARKER))) {
        return home;
      }
      Path tmp = targetDir.resolve(top + ".unpacking");
      deleteTree(tmp);
      deleteTree(home);
      extract(zf, tmp);
      Files.move(tmp.resolve(top), home, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(tmp);
      Files.writeString(home.resolve(MARKER), zip.getFileName() + "\n");
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + zip + " into " + targetDir + ": " + e.getMessage(), e);
    }
  }

  private static String topLevelFolder(ZipFile zf, Path zip) throws IOException {
    ZipEntry first = zf.stream().findFirst().orElseThrow(() -> new IOException(zip + " is empty"));
    String name = first.getName();
    int slash = name.indexOf('/');
    if (slash <= 0) {
      throw new IOException(zip + " has no top-level folder (first entry " + name + ")");
    }
    return name.substring(0, slash);
  }

  private static void extract(ZipFile zf, Path into) throws IOException {
    for (ZipEntry entry : Collections.list(zf.entries())) {
      Path out = into.resolve(entry.getName()).normalize();
      if (!out.startsWith(into)) {
        throw new IOException("zip entry escapes the target folder: " + entry.getName());
      }
      if (entry.isDirectory()) {
        Files.createDirectories(out);
        continue;
      }
      Files.createDirectories(out.getParent());
      try (InputStream in = zf.getInputStream(entry)) {
        Files.copy(in, out);
      }
      // java.util.zip drops Unix modes; the launch scripts are the only files that must be executable.
      if (out.getParent().getFileName().toString().equals("bin")) {
        out.toFile().setExecutable(true, false);
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
