package ipwatch.match.eval.patent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patent evaluation on a small scale: the 52 real grants in the test resources (public domain) and a handful of
 * ordinary product listings written here in the Abt-Buy table layout. Checks that the command runs and that its
 * figures agree with each other, not what they are.
 */
class PatentEvalCommandTest {
  @TempDir Path data;

  private Path grants() throws Exception {
    Path file = data.resolve("patents/uspto_grants_225.jsonl");
    Files.createDirectories(file.getParent());
    try (InputStream in = getClass().getResourceAsStream("/patents/uspto_grants_consumer.jsonl")) {
      Files.copy(in, file);
    }
    Path listings = data.resolve("listings/abt_buy");
    Files.createDirectories(listings);
    Files.writeString(listings.resolve("tableA.csv"), """
        id,name,description,price
        0,Acme 32in LED TV,"Full HD television with two HDMI inputs and a remote control",199.99
        1,Acme Stand Mixer,"Five-litre bowl, three speeds, dough hook and whisk included",89.00
        2,Acme Travel Mug,"Stainless steel, keeps drinks hot for six hours",14.50
        """, StandardCharsets.UTF_8);
    Files.writeString(listings.resolve("tableB.csv"), """
        id,name,description,price
        0,Acme Garden Hose 15m,"Kink-free hose with a spray nozzle",24.00
        """, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void theEvaluationCountsEveryClassAndItsFiguresAgree() throws Exception {
    Path file = grants();
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    PatentEvalReport r = PatentEvalCommand.evaluate(Map.of("seed", "3", "unrelated", "100", "examples", "0"), data,
        file, new PrintStream(header, true, StandardCharsets.UTF_8)).orElseThrow();

    int chartable = r.listings(PatentEvalSet.POSITIVE);
    assertTrue(chartable > 0 && chartable <= 52, "positives: " + chartable);
    for (String g : List.of(PatentEvalSet.PARTIAL, PatentEvalSet.EXPIRED, PatentEvalSet.WRONG_JURISDICTION)) {
      assertEquals(chartable, r.listings(g), g + ": one listing per chartable grant");
    }
    assertTrue(r.listings(PatentEvalSet.SAME_DOMAIN) <= chartable);
    assertEquals(4, r.listings(PatentEvalSet.UNRELATED), "every unrelated listing written above");
    assertEquals((double) r.flagged(PatentEvalSet.POSITIVE) / chartable, r.recall(), 1e-9);
    assertEquals(r.flags() == 0 ? 1.0 : (double) r.correctFlags() / r.flags(), r.precision(), 1e-9);
    assertEquals(r.flagged(PatentEvalSet.POSITIVE), r.correctFlags(), "one correct flag per positive found");
    assertTrue(r.flags() >= r.correctFlags());
    assertEquals(0, r.flagged(PatentEvalSet.EXPIRED), "an expired patent never flags");
    assertEquals(0, r.flagged(PatentEvalSet.WRONG_JURISDICTION), "a US patent does not flag a German listing");
    assertTrue(header.toString(StandardCharsets.UTF_8).contains(chartable + " with a chartable independent claim"));
  }

  @Test
  void theCommandPrintsPrecisionRecallAndEveryNegativeClass() throws Exception {
    Path file = grants();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = PatentEvalCommand.run(new String[] {"--data", data.toString(), "--grants", file.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(code == 0 || code == 1, "exit code " + code);
    assertEquals(code == 0, text.contains("all targets met"), text);
    assertTrue(text.contains("PATENT_CLAIM precision") && text.contains("PATENT_CLAIM recall"), text);
    for (String g : List.of("partial", "same-domain", "unrelated", "expired", "wrong-jurisdiction")) {
      assertTrue(text.contains("false positives " + g), g + " missing in\n" + text);
    }
  }

  @Test
  void missingGrantsOrAnUnknownOptionIsAUsageError() throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(2, PatentEvalCommand.run(new String[] {"--data", data.toString()}, quiet, quiet));
    assertEquals(2, PatentEvalCommand.run(new String[] {"--colour", "red"}, quiet, quiet));
  }
}
