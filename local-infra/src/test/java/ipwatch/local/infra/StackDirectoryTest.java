package ipwatch.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackDirectoryTest {

  @Test
  void everyPartGetsItsOwnFolderUnderTheRoot(@TempDir Path tmp) {
    StackDirectory dir = StackDirectory.at(tmp.resolve("stack"));
    for (Path p : new Path[] {dir.kafka(), dir.elasticsearch(), dir.postgres(), dir.evidence(), dir.flink()}) {
      assertTrue(Files.isDirectory(p), p + " exists");
      assertEquals(dir.root(), p.getParent());
    }
  }

  @Test
  void defaultRootIsDotIpwatchInTheRepository(@TempDir Path repo) {
    assertEquals(repo.resolve(".ipwatch"), StackDirectory.defaultFor(repo).root());
  }

  @Test
  void openingAnExistingLayoutKeepsItsFiles(@TempDir Path tmp) throws Exception {
    Path marker = StackDirectory.at(tmp).kafka().resolve("meta.properties");
    Files.writeString(marker, "x");
    StackDirectory.at(tmp);
    assertTrue(Files.exists(marker));
  }
}
