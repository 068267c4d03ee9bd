package ipwatch.casework.evidence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.model.EvidenceStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The export bundle: {@code manifest.json} (case, time, chain head, one line per item with its file),
 * {@code chain.json} (every link with its hashes) and {@code files/<seq>-<sha256>}. An item whose content is not in
 * the store is listed with {@code file: null} so the verifier can say so instead of failing.
 */
final class BundleWriter {
  static final String FORMAT = "ipwatch-evidence-bundle-v1";

  private BundleWriter() {}

  static byte[] write(String caseId, List<ChainEntry> entries, EvidenceStore store, Instant exportedAt) {
    JsonArray items = new JsonArray();
    JsonArray chain = new JsonArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ChainEntry e : entries) {
        chain.add(EvidenceService.json(e).put("caseId", caseId));
        Optional<byte[]> content = store.get(e.sha256());
        String file = content.isPresent() ? String.format("files/%04d-%s", e.seq(), e.sha256()) : null;
        items.add(new JsonObject().put("seq", e.seq()).put("kind", e.kind()).put("name", e.name())
            .put("sha256", e.sha256()).put("bytes", e.bytes()).put("contentType", e.contentType()).put("file", file));
        if (file != null) {
          zip.putNextEntry(new ZipEntry(file));
          zip.write(content.get());
          zip.closeEntry();
        }
      }
      String head = entries.isEmpty() ? ChainEntry.GENESIS : entries.get(entries.size() - 1).hash();
      JsonObject manifest = new JsonObject().put("format", FORMAT).put("caseId", caseId)
          .put("exportedAt", exportedAt.toString()).put("chainFormat", ChainEntry.FORMAT).put("chainHead", head)
          .put("items", items);
      entry(zip, "manifest.json", manifest.encodePrettily());
      entry(zip, "chain.json", chain.encodePrettily());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
