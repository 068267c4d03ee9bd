package ipwatch.link.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ipwatch.link.dup.Fixtures;
import ipwatch.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearDuplicatesCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return NearDuplicatesCommand.run(args, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path listings() throws Exception {
    return Files.write(dir.resolve("listings.jsonl"), List.of(
        Json.write(Fixtures.listing("l-1", "Sony Bravia KDL-40V2500 40 inch LCD HDTV", "full HD 1080p television")),
        "{\"listingId\": \"l-2\", \"title\": ",
        "",
        "{\"title\": \"no id\"}",
        Json.write(Fixtures.listing("l-3", "Bosch cordless drill GSR 12V-15", "two batteries")),
        Json.write(Fixtures.listing("l-4", "Sony KDL40V2500 Bravia 40\" LCD TV", "television full HD 1080p"))));
  }

  @Test
  void writesEachSameProductPairOnceAndReportsBadLinesWithTheirNumbers() throws Exception {
    Path out = dir.resolve("pairs.jsonl");
    int code = run("--listings", listings().toString(), "--out", out.toString());

    assertEquals(1, code, stderr());
    assertTrue(stderr().contains("listings.jsonl:2: not a valid Listing"), stderr());
    assertTrue(stderr().contains("listings.jsonl:4: listing has no listingId"), stderr());
    assertFalse(stderr().contains("Exception"), stderr());
    List<String> lines = Files.readAllLines(out);
    assertEquals(1, lines.size(), lines.toString());
    JsonNode pair = Json.mapper().readTree(lines.get(0));
    assertEquals("l-1", pair.get("a").asText());
    assertEquals("l-4", pair.get("b").asText());
    assertTrue(pair.get("score").asDouble() >= 0.71);
  }

  @Test
  void aThresholdOfOneWritesNoPairsAndACleanFileExitsZero() throws Exception {
    Path in = Files.write(dir.resolve("ok.jsonl"),
        List.of(Json.write(Fixtures.listing("l-1", "Sony KDL-40V2500", "tv"))));
    Path out = dir.resolve("pairs.jsonl");
    assertEquals(0, run("--listings", in.toString(), "--out", out.toString(), "--threshold", "1"), stderr());
    assertEquals(List.of(), Files.readAllLines(out));
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("--listings", "x.jsonl"));
    assertEquals(2, run("--listings", "x.jsonl", "--out", "y", "--bogus", "1"));
    assertEquals(2, run("--listings", dir.resolve("missing.jsonl").toString(), "--out", dir.resolve("o").toString()));
    assertEquals(2, run("--listings", "x", "--out", "y", "--threshold", "high"));
  }
}
