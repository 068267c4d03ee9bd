package ipwatch.casework.registry;

import ipwatch.model.BadRecordException;
import ipwatch.model.IpAsset;
import ipwatch.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON-lines file of IpAssets (one per line, blank lines ignored). Operator-supplied start-up data, so a bad line
 * stops the start with its line number rather than loading half a registry.
 */
public final class RegistrySeedFile {
  private RegistrySeedFile() {}

  public static List<IpAsset> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read registry seed file " + file, e);
    }
    List<IpAsset> assets = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      try {
        IpAsset a = Json.read(line, IpAsset.class);
        if (a.assetId() == null || a.assetId().isBlank() || a.owner() == null || a.owner().isBlank()) {
          throw new BadRecordException("an asset needs assetId and owner");
        }
        assets.add(a);
      } catch (BadRecordException e) {
        throw new IllegalArgumentException(
            "registry seed file " + file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(assets);
  }
}
