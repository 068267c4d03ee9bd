package ipwatch.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Elasticsearch refuses to run as root. Containers and CI machines often run everything as root, so in that case the
 * node runs as a dedicated system user without a login shell or home, created on first use. Outside root this class
 * changes nothing.
 */
final class UnprivilegedUser {
  static final String NAME = "ipwatch-es";

  private UnprivilegedUser() {}

  /** True when this JVM's effective uid is 0. */
  static boolean runningAsRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0"); // real, effective, saved, fs
        }
      }
    } catch (IOException e) {
      // not Linux: fall back to id(1)
    }
    return run(List.of("id", "-u")).strip().equals("0");
  }

  /**
   * Creates the user if missing, gives it {@code dir} (recursively) and returns the prefix that launches a command as
   * that user. Call {@link #requireReachable} first, before spending time on the directory's content.
   */
  static List<String> prepare(Path dir) {
    requireReachable(dir);
    if (!exists()) {
      run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME));
    }
    run(List.of("chown", "-R", NAME + ":", dir.toString()));
    return List.of("runuser", "-u", NAME, "--");
  }

  /** Fails with a message naming the folder if the user could not reach {@code dir} through its parents. */
  static void requireReachable(Path dir) {
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      requireTraversable(parent);
    }
  }

  private static boolean exists() {
    try {
      Process p = new ProcessBuilder("id", "-u", NAME).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run id(1)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * The user is neither owner nor group of root's folders, so each ancestor needs the "others" execute bit. A folder
   * such as /root (mode 700) would otherwise surface as an obscure AccessDeniedException in the Elasticsearch log.
   */
  private static void requireTraversable(Path dir) {
    for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
      PosixFileAttributes a;
      try {
        a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the permissions of " + p, e);
      }
      Set<PosixFilePermission> perms = a.permissions();
      boolean ours = a.owner().getName().equals(NAME);
      boolean ok = ours ? perms.contains(PosixFilePermission.OWNER_EXECUTE)
          : a.group().getName().equals(NAME) ? perms.contains(PosixFilePermission.GROUP_EXECUTE)
              : perms.contains(PosixFilePermission.OTHERS_EXECUTE);
      if (!a.isSymbolicLink() && !ok) {
        throw new IllegalStateException("Elasticsearch runs as the unprivileged user " + NAME
            + " because this process runs as root, but that user cannot enter " + p + " (mode "
            + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "); run `chmod o+x " + p
            + "` or put the data directory elsewhere (IPWATCH_HOME)");
      }
    }
  }

  static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    }
  }
}
