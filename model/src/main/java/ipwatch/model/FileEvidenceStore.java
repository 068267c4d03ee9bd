package ipwatch.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/** The default evidence store: one file per digest under {@code root/ab/cd/<sha256>}, written atomically. */
public final class FileEvidenceStore implements EvidenceStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private final Path root;

  public FileEvidenceStore(Path root) {
    this.root = root;
  }

  @Override
  public Snapshot put(byte[] content, String contentType) {
    String sha = Hashes.sha256Hex(content);
    Path target = pathOf(sha);
    try {
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), sha, ".tmp");
        Files.write(tmp, content);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store evidence " + sha + " under " + root, e);
    }
    return new Snapshot(sha, content.length, contentType);
  }

  @Override
  public Optional<byte[]> get(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(pathOf(sha256)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path pathOf(String sha) {
    return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
  }
}
