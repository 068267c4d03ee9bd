package ipwatch.match.patent;

import java.util.List;

/**
 * One claim split the way a claim chart reads it.
 *
 * @param dependsOn the claims this one refers to ("The device as in claim 1 ...", "any one of claims 1 to 3"); empty
 *     for an independent claim
 * @param preamble what is claimed ("A cooking device"), before the transition
 * @param transition "comprising" (open: more parts may be present), "consisting of" (closed), "consisting
 *     essentially of", "including", ... or "" when the claim has none (design and plant patents, some old styles)
 * @param elements the limitations after the transition, in claim order: semicolon-separated parts, lettered items
 *     ("(a)", "b)"), and each "wherein" / "characterized in that" clause on its own
 */
public record ParsedClaim(
    int number, List<Integer> dependsOn, String preamble, String transition, List<String> elements) {

  public ParsedClaim {
    dependsOn = List.copyOf(dependsOn);
    elements = List.copyOf(elements);
  }

  public boolean independent() {
    return dependsOn.isEmpty();
  }
}
