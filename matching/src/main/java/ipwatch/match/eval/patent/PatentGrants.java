package ipwatch.match.eval.patent;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.model.Json;
import ipwatch.model.Patent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real US grants from a JSON-lines file (the converted USPTO full-text records in {@code
 * ../shared/data/patents/uspto_grants_225.jsonl}: publication number, title, IPC, assignees, numbered claims) as the
 * registry would hold them. The records carry no filing date, so the term is set by the caller.
 */
public final class PatentGrants {
  private static final Pattern NUMBER = Pattern.compile("^\\s*(\\d+)\\s*\\.");
  private static final Pattern REFERS_BACK = Pattern.compile("(?s).*\\bclaims?\\s+\\d+.*");

  /** A grant with its first IPC symbol ("A45F 504"), which the evaluation uses to find patents of the same field. */
  public record Grant(String publicationNumber, String title, String ipc, Patent patent) {}

  private PatentGrants() {}

  public static List<Grant> read(Path jsonl, List<String> jurisdictions, LocalDate expires) throws IOException {
    List<Grant> out = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(grant(Json.mapper().readTree(line), jurisdictions, expires));
      }
    }
    return out;
  }

  private static Grant grant(JsonNode r, List<String> jurisdictions, LocalDate expires) {
    List<Patent.Claim> claims = new ArrayList<>();
    for (JsonNode c : r.path("claims")) {
      String text = c.asText();
      Matcher m = NUMBER.matcher(text);
      int n = m.find() ? Integer.parseInt(m.group(1)) : claims.size() + 1;
      claims.add(new Patent.Claim(n, text, !REFERS_BACK.matcher(text).matches()));
    }
    String number = r.path("publication_number").asText();
    JsonNode assignees = r.path("assignees");
    String owner = assignees.isEmpty() ? "org-inventors-" + number : assignees.get(0).asText();
    String ipc = r.path("ipc").isEmpty() ? "" : r.path("ipc").get(0).asText();
    String title = r.path("title").asText();
    Patent p = new Patent("pat-" + number, owner, title, claims, List.of(), jurisdictions, expires);
    return new Grant(number, title, ipc, p);
  }

  /** The same grant with another term, for the expiry gate. */
  public static Grant withExpiry(Grant g, LocalDate expires) {
    Patent p = g.patent();
    return new Grant(g.publicationNumber(), g.title(), g.ipc(),
        new Patent(p.assetId(), p.owner(), p.title(), p.claims(), p.cpc(), p.jurisdictions(), expires));
  }
}
