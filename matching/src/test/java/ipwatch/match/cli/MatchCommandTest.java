package ipwatch.match.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipwatch.match.Fixtures;
import ipwatch.model.Flag;
import ipwatch.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {
  private static final Path DEMO_REGISTRY = Path.of("../config/demo/registry.jsonl");
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return MatchCommand.run(
        args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path listings(String... lines) throws Exception {
    return Files.write(dir.resolve("listings.jsonl"), List.of(lines));
  }

  @Test
  void goodListingsBecomeOneFlagPerLine() throws Exception {
    Path in =
        listings(
            Json.write(Fixtures.listing("NORDVIK Fjell parka", "Nordvik")),
            Json.write(Fixtures.listing("LUMORA Aria headphones", "")),
            "",
            Json.write(Fixtures.listing("Case for Lumora Aria", "")));
    Path out = dir.resolve("flags.jsonl");
    int code =
        run("--registry", DEMO_REGISTRY.toString(), "--listings", in.toString(), "--out", out.toString(),
            "--config", "../config/stream-jobs.yaml");
    assertEquals(0, code, stderr());
    List<Flag> flags = Files.readAllLines(out).stream().map(l -> Json.read(l, Flag.class)).toList();
    assertEquals(List.of("tm-nordvik", "tm-lumora"), flags.stream().map(Flag::assetId).toList());
  }

  @Test
  void aBadLineIsReportedWithItsNumberSkippedAndFailsTheRun() throws Exception {
    Path in =
        listings(
            Json.write(Fixtures.listing("NORDVIK parka", "")),
            "{\"listingId\": \"l-2\", \"title\": ",
            "{\"title\": \"no id\"}",
            Json.write(Fixtures.listing("LUMORA headphones", "")));
    Path out = dir.resolve("flags.jsonl");
    int code = run("--registry", DEMO_REGISTRY.toString(), "--listings", in.toString(), "--out", out.toString());
    assertEquals(1, code);
    assertTrue(stderr().contains("listings.jsonl:2: not a valid Listing"), stderr());
    assertTrue(stderr().contains("listings.jsonl:3: listing has no listingId"), stderr());
    assertFalse(stderr().contains("Exception"), "no stack traces or class names: " + stderr());
    assertEquals(2, Files.readAllLines(out).size());
  }

  @Test
  void aDisguisedBrandIsWrittenAsALookalikeFlagWithItsExplanation() throws Exception {
    Path in = listings(Json.write(Fixtures.listing("N0RDV1K parka, warm", "N0RDV1K")));
    Path out = dir.resolve("flags.jsonl");
    assertEquals(0, run("--registry", DEMO_REGISTRY.toString(), "--listings", in.toString(), "--out", out.toString()));
    Flag flag = Json.read(Files.readAllLines(out).get(0), Flag.class);
    assertEquals(ipwatch.model.FlagKind.LOOKALIKE, flag.kind());
    assertEquals("tm-nordvik", flag.assetId());
    assertTrue(flag.signals().stream().anyMatch(s -> s.detail().contains("looks like the registered mark NORDVIK")));
    assertEquals("N0RDV1K", flag.evidence().spans().get(0).text());
  }

  @Test
  void usageErrorsExitWithTwo() throws Exception {
    assertEquals(2, run("--registry", DEMO_REGISTRY.toString()));
    assertTrue(stderr().contains("--listings is required"), stderr());
    assertEquals(2, run("--bogus", "x"));
    Path in = listings();
    assertEquals(
        2, run("--registry", "missing.jsonl", "--listings", in.toString(), "--out", dir.resolve("o").toString()));
    assertTrue(stderr().contains("cannot read missing.jsonl"), stderr());
  }
}
