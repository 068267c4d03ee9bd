package ipwatch.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place the local stack keeps its state, so a restart finds its data and a reset is one {@code rm -r}:
 *
 * <pre>
 * root/                 default .ipwatch/ at the repository root (local.dataDir, IPWATCH_HOME)
 *   kafka/              KRaft metadata and topic logs
 *   elasticsearch/      the unpacked server, its data, logs and temp files
 *   postgres/           the PostgreSQL cluster
 *   evidence/           page snapshots and other evidence files
 *   flink/              checkpoints
 * </pre>
 */
public final class StackDirectory {
  /** Relative to the repository root; matches local.dataDir in config/local-stack.yaml. */
  public static final String DEFAULT_NAME = ".ipwatch";

  private final Path root;

  private StackDirectory(Path root) {
    this.root = root;
  }

  /** The layout under {@code root}, creating any missing directory. */
  public static StackDirectory at(Path root) {
    StackDirectory dir = new StackDirectory(root.toAbsolutePath().normalize());
    for (Path p : new Path[] {dir.kafka(), dir.elasticsearch(), dir.postgres(), dir.evidence(), dir.flink()}) {
      try {
        Files.createDirectories(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the stack directory " + p + ": " + e.getMessage(), e);
      }
    }
    return dir;
  }

  /** The default layout, {@code .ipwatch/} under the repository root. */
  public static StackDirectory defaultFor(Path repoRoot) {
    return at(repoRoot.resolve(DEFAULT_NAME));
  }

  public Path root() {
    return root;
  }

  public Path kafka() {
    return root.resolve("kafka");
  }

  public Path elasticsearch() {
    return root.resolve("elasticsearch");
  }

  public Path postgres() {
    return root.resolve("postgres");
  }

  public Path evidence() {
    return root.resolve("evidence");
  }

  public Path flink() {
    return root.resolve("flink");
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
