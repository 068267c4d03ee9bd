package ipwatch.match.patent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claim parsing on real US grants (src/test/resources/patents, public domain). */
class ClaimParserTest {

  private static List<ParsedClaim> parse(String publicationNumber) {
    List<ParsedClaim> out = new ArrayList<>();
    int n = 0;
    for (JsonNode c : RealGrants.row(publicationNumber).get("claims")) {
      out.add(ClaimParser.parse(++n, c.asText()));
    }
    return out;
  }

  @Test
  void letteredItemsAreTheElementsOfTheNapkinHolderClaim() {
    ParsedClaim c = parse("US6836899B1").get(0);
    assertTrue(c.independent());
    assertEquals("comprising", c.transition());
    assertEquals("A holding device for removably holding a napkin over the front of the body or torso of a user",
        c.preamble());
    assertEquals(2, c.elements().size());
    assertTrue(c.elements().get(0).startsWith("a lanyard having two ends"), c.elements().get(0));
    assertTrue(c.elements().get(1).startsWith("a pair of clamping devices"), c.elements().get(1));
  }

  @Test
  void dependentClaimsReferToTheClaimTheyNarrow() {
    List<ParsedClaim> claims = parse("US6836899B1");
    assertEquals(23, claims.size());
    assertEquals(List.of(1, 16), claims.stream().filter(ParsedClaim::independent).map(ParsedClaim::number).toList());
    assertEquals(List.of(1), claims.get(1).dependsOn());
    assertEquals(List.of(5), claims.get(7).dependsOn());
    assertEquals(List.of(16), claims.get(16).dependsOn());
  }

  @Test
  void semicolonsAndEachWhereinClauseSplitTheCookingDeviceClaim() {
    ParsedClaim c = parse("US6837151B2").get(0);
    assertEquals("A cooking device", c.preamble());
    assertEquals(
        List.of(
            "a first base portion",
            "a second base portion movably connected to said first base portion",
            "said first base portion and said second base portion being adapted for relative movement with respect to"
                + " each other between a rotisserie cooking configuration and a kebab cooking configuration",
            "a rotisserie skewer and a kebab skewer",
            "wherein in said rotisserie cooking configuration said rotisserie skewer is positioned above a support"
                + " surface by a first distance",
            "wherein in said kebab cooking configuration said kebab skewer is positioned above a support surface by a"
                + " second distance",
            "wherein said first distance is greater than said second distance"),
        c.elements());
    assertEquals(7, parse("US6837151B2").stream().filter(ParsedClaim::independent).count());
  }

  @Test
  void commaSeparatedElementsWithoutSemicolonsAreSplitAtTheirArticles() {
    ParsedClaim c = parse("US6981945B1").get(0);
    assertEquals("A handgrip for a colonoscope shaft", c.preamble());
    assertEquals(3, c.elements().size(), c.elements().toString());
    assertTrue(c.elements().get(2).startsWith("an engaging means"), c.elements().get(2));
  }

  @Test
  void rangesListsAndPreviousClaimsAreReferences() {
    assertEquals(List.of(1, 2, 3), ClaimParser.parse(4, "4. A device as claimed in any one of claims 1 to 3, wherein x.")
        .dependsOn());
    assertEquals(List.of(2, 5), ClaimParser.parse(7, "7. The device of claim 2 or 5, wherein x.").dependsOn());
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), parse("US6836979B2").get(15).dependsOn());
    assertEquals(List.of(8), parse("US7862546B2").get(8).dependsOn()); // "The port of 8": the source lost "claim"
  }

  @Test
  void aMarkushGroupIsNotTheTransition() {
    ParsedClaim c = parse("US7863256B2").get(0);
    assertEquals("comprising", c.transition());
    assertTrue(c.preamble().contains("selected from the group consisting of osteoarthritis"), c.preamble());
  }

  @Test
  void consistingOfIsAClosedTransition() {
    ParsedClaim c = ClaimParser.parse(1, "1. A kit consisting of: a brush; a comb; and a mirror.");
    assertEquals("consisting of", c.transition());
    assertEquals(List.of("a brush", "a comb", "a mirror"), c.elements());
  }

  @Test
  void designPatentsHaveNoElementsToChart() {
    for (JsonNode r : RealGrants.rows()) {
      if (r.get("kind").asText().equals("S1")) {
        ParsedClaim c = ClaimParser.parse(1, r.get("claims").get(0).asText());
        assertEquals(List.of(), c.elements(), r.get("publication_number").asText());
      }
    }
  }

  @Test
  void everyRealGrantParsesWithReferencesOnlyToEarlierClaimsAndAnIndependentFirstClaim() {
    int claims = 0;
    int dependent = 0;
    for (JsonNode r : RealGrants.rows()) {
      int n = 0;
      for (JsonNode text : r.get("claims")) {
        ParsedClaim c = ClaimParser.parse(++n, text.asText());
        claims++;
        if (!c.independent()) {
          dependent++;
          assertTrue(c.dependsOn().stream().allMatch(d -> d >= 1 && d < c.number()), c.toString());
        }
        if (n == 1) {
          assertTrue(c.independent(), r.get("publication_number").asText());
        }
      }
    }
    assertEquals(465, claims);
    assertTrue(dependent > claims / 2, dependent + " of " + claims);
  }
}
