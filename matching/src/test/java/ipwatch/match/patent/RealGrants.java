package ipwatch.match.patent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipwatch.model.Patent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real US grants in src/test/resources/patents (see the README there), as registry {@link Patent}s. */
public final class RealGrants {
  private static final Pattern NUMBER = Pattern.compile("^\\s*(\\d+)\\s*\\.");
  private static final ObjectMapper JSON = new ObjectMapper();

  private RealGrants() {}

  public static List<JsonNode> rows() {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        RealGrants.class.getResourceAsStream("/patents/uspto_grants_consumer.jsonl"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  public static JsonNode row(String publicationNumber) {
    return rows().stream()
        .filter(r -> r.get("publication_number").asText().equals(publicationNumber))
        .findFirst()
        .orElseThrow();
  }

  /** The grant as the registry would hold it, granted in {@code jurisdictions} and expiring on {@code expires}. */
  public static Patent patent(String publicationNumber, List<String> jurisdictions, LocalDate expires) {
    JsonNode r = row(publicationNumber);
    List<Patent.Claim> claims = new ArrayList<>();
    for (JsonNode c : r.get("claims")) {
      Matcher m = NUMBER.matcher(c.asText());
      int n = m.find() ? Integer.parseInt(m.group(1)) : claims.size() + 1;
      claims.add(new Patent.Claim(n, c.asText(), !c.asText().matches("(?s).*\\bclaims?\\s+\\d+.*")));
    }
    String owner = r.get("assignees").isEmpty() ? "org-inventor" : r.get("assignees").get(0).asText();
    return new Patent("pat-" + publicationNumber, owner, r.get("title").asText(), claims, List.of(), jurisdictions,
        expires);
  }
}
