package ipwatch.casework.evidence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ipwatch.model.Hashes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an export bundle offline: every link's hash recomputed, every link bound to the one before, the manifest
 * agreeing with the chain, every file's bytes hashing to what its link says. Each problem names the item.
 */
public final class BundleVerifier {
  private static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

  private BundleVerifier() {}

  /** What the check found: problems (tampering) and notes (content not included), and the item count. */
  public record Report(int items, String chainHead, List<String> problems, List<String> notes) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public static Report verify(byte[] zipBytes) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        byte[] b = zip.readNBytes((int) Math.min(MAX_ENTRY_BYTES, Integer.MAX_VALUE - 8));
        if (files.put(e.getName(), b) != null) {
          return broken("the bundle holds " + e.getName() + " twice");
        }
      }
    }
    if (!files.containsKey("manifest.json") || !files.containsKey("chain.json")) {
      return broken("the bundle has no manifest.json or chain.json");
    }
    JsonObject manifest;
    JsonArray chain;
    try {
      manifest = new JsonObject(new String(files.get("manifest.json"), StandardCharsets.UTF_8));
      chain = new JsonArray(new String(files.get("chain.json"), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return broken("manifest.json or chain.json is not valid JSON");
    }
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String caseId = manifest.getString("caseId");
    String prev = ChainEntry.GENESIS;
    JsonArray items = manifest.getJsonArray("items", new JsonArray());
    if (items.size() != chain.size()) {
      problems.add("manifest lists " + items.size() + " items but the chain has " + chain.size() + " links");
    }
    Set<String> referenced = new HashSet<>(Set.of("manifest.json", "chain.json"));
    for (int i = 0; i < chain.size(); i++) {
      JsonObject link = chain.getJsonObject(i);
      String label = "item " + (i + 1) + " (" + link.getString("name") + ")";
      ChainEntry e;
      try {
        e = new ChainEntry(caseId, link.getInteger("seq"), link.getString("kind"), link.getString("name"),
            link.getString("sha256"), link.getLong("bytes"), link.getString("contentType"),
            link.getString("addedBy"), Instant.parse(link.getString("addedAt")), link.getString("prevHash"));
      } catch (RuntimeException ex) {
        problems.add(label + ": the chain link is incomplete or malformed");
        continue;
      }
      if (e.seq() != i + 1) {
        problems.add(label + ": sequence number " + e.seq() + " where " + (i + 1) + " was expected");
      }
      if (!prev.equals(e.prevHash())) {
        problems.add(label + ": does not link to the previous item (prevHash differs)");
      }
      if (!e.hash().equals(link.getString("entryHash"))) {
        problems.add(label + ": the link's fields were changed (entry hash does not match)");
      }
      prev = link.getString("entryHash", "");
      JsonObject item = i < items.size() ? items.getJsonObject(i) : new JsonObject();
      if (!e.sha256().equals(item.getString("sha256")) || e.bytes() != item.getLong("bytes", -1L)) {
        problems.add(label + ": the manifest disagrees with the chain about its content");
      }
      String file = item.getString("file");
      if (file == null) {
        notes.add(label + ": content not included (not in the evidence store at export time)");
        continue;
      }
      referenced.add(file);
      byte[] content = files.get(file);
      if (content == null) {
        problems.add(label + ": " + file + " is missing from the bundle");
      } else if (!Hashes.sha256Hex(content).equals(e.sha256()) || content.length != e.bytes()) {
        problems.add(label + ": " + file + " was changed (SHA-256 " + Hashes.sha256Hex(content)
            + ", the chain says " + e.sha256() + ")");
      }
    }
    if (!prev.equals(manifest.getString("chainHead")) && !(chain.isEmpty()
        && ChainEntry.GENESIS.equals(manifest.getString("chainHead")))) {
      problems.add("the manifest's chainHead is not the hash of the last link");
    }
    for (String name : files.keySet()) {
      if (!referenced.contains(name)) {
        problems.add(name + ": a file the manifest does not list");
      }
    }
    return new Report(chain.size(), manifest.getString("chainHead"), problems, notes);
  }

  private static Report broken(String why) {
    return new Report(0, null, List.of(why), List.of());
  }
}
