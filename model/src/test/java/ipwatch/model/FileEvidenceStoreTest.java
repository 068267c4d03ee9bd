package ipwatch.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEvidenceStoreTest {
  @TempDir Path dir;

  @Test
  void storedPageIsAddressedByItsSha256AndReadsBackByteForByte() {
    EvidenceStore store = new FileEvidenceStore(dir);
    byte[] page = "<html>fake</html>".getBytes(StandardCharsets.UTF_8);
    Snapshot s = store.put(page, "text/html");
    assertEquals(Hashes.sha256Hex(page), s.sha256());
    assertEquals(page.length, s.bytes());
    assertArrayEquals(page, store.get(s.sha256()).orElseThrow());
    assertEquals(s, store.put(page, "text/html"), "storing the same bytes twice is a no-op");
  }

  @Test
  void unknownOrMalformedDigestFindsNothing() {
    EvidenceStore store = new FileEvidenceStore(dir);
    assertTrue(store.get("0".repeat(64)).isEmpty());
    assertTrue(store.get("../../etc/passwd").isEmpty());
  }
}
