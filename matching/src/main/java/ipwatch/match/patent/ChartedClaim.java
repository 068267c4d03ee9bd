package ipwatch.match.patent;

import ipwatch.model.Patent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An independent claim ready to be charted against listings: the preamble (charted as the first row, as claim charts
 * do, because it says what kind of product is claimed) and each element, with the terms that must appear in a
 * listing for the element to be met. Parts without a single meaningful term (a bare "and") are not charted.
 */
public record ChartedClaim(int number, List<Row> rows) {

  /** One row of the chart: the claim text, its distinct terms in order and its adjacent term pairs (phrases). */
  public record Row(String text, List<String> terms, List<String> phrases) {}

  public ChartedClaim {
    rows = List.copyOf(rows);
  }

  /** The independent claims of a patent that can be charted; design and plant claims have no elements and give none. */
  public static List<ChartedClaim> of(Patent patent, PatentVocabulary vocabulary) {
    List<ChartedClaim> out = new ArrayList<>();
    for (Patent.Claim claim : patent.claims()) {
      ParsedClaim parsed = ClaimParser.parse(claim.number(), claim.text());
      if (!parsed.independent() || parsed.elements().isEmpty()) {
        continue;
      }
      List<Row> rows = new ArrayList<>();
      addRow(rows, parsed.preamble(), vocabulary);
      parsed.elements().forEach(e -> addRow(rows, e, vocabulary));
      if (rows.size() >= 2) {
        out.add(new ChartedClaim(parsed.number(), rows));
      }
    }
    return out;
  }

  private static void addRow(List<Row> rows, String text, PatentVocabulary vocabulary) {
    Set<String> terms = new LinkedHashSet<>();
    Set<String> phrases = new LinkedHashSet<>();
    for (PatentVocabulary.Passage p : vocabulary.analyze(text, false)) {
      terms.addAll(p.terms());
      phrases.addAll(phrases(p.terms()));
    }
    if (!terms.isEmpty()) {
      rows.add(new Row(text, List.copyOf(terms), List.copyOf(phrases)));
    }
  }

  /** Adjacent terms (stop words removed) joined by a space: "perman magnet", "clamp sect". */
  static List<String> phrases(List<String> terms) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i < terms.size(); i++) {
      if (!terms.get(i - 1).equals(terms.get(i))) {
        out.add(terms.get(i - 1) + " " + terms.get(i));
      }
    }
    return out;
  }

  /** Every term of every row, for the candidate index. */
  public Set<String> allTerms() {
    Set<String> all = new LinkedHashSet<>();
    rows.forEach(r -> all.addAll(r.terms()));
    return all;
  }
}
