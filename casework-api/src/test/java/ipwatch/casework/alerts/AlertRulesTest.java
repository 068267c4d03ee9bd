package ipwatch.casework.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
  private static final AlertRules.CaseFacts CASE = new AlertRules.CaseFacts("case-1", "org-nordvik", "tm-us",
      "BRAND_USE", 0.91, "demo-market", "US");

  private static AlertRules.Subscription sub(String org, Set<String> assets, double minScore, Set<String> kinds,
      Set<String> markets, Set<String> jurisdictions, Set<AlertEvent> events) {
    return new AlertRules.Subscription("s", org, assets, minScore, kinds, markets, jurisdictions, events, "sse",
        null);
  }

  private static AlertRules.Subscription any(String org) {
    return sub(org, Set.of(), 0, Set.of(), Set.of(), Set.of(), EnumSet.allOf(AlertEvent.class));
  }

  @Test
  void aSubscriptionWithoutFiltersMatchesEveryEventOnItsOwnersCases() {
    for (AlertEvent e : AlertEvent.values()) {
      assertTrue(AlertRules.matches(any("org-nordvik"), CASE, e), e.name());
    }
  }

  @Test
  void anotherOrganisationsSubscriptionNeverMatchesEvenWithoutFilters() {
    assertFalse(AlertRules.matches(any("org-lumora"), CASE, AlertEvent.CASE_OPENED));
    AlertRules.Subscription naming = sub("org-lumora", Set.of("tm-us"), 0, Set.of(), Set.of(), Set.of(),
        EnumSet.of(AlertEvent.CASE_OPENED));
    assertFalse(AlertRules.matches(naming, CASE, AlertEvent.CASE_OPENED));
  }

  @Test
  void theScoreThresholdIsInclusive() {
    Set<AlertEvent> opened = EnumSet.of(AlertEvent.CASE_OPENED);
    assertTrue(AlertRules.matches(sub("org-nordvik", Set.of(), 0.91, Set.of(), Set.of(), Set.of(), opened), CASE,
        AlertEvent.CASE_OPENED));
    assertFalse(AlertRules.matches(sub("org-nordvik", Set.of(), 0.92, Set.of(), Set.of(), Set.of(), opened), CASE,
        AlertEvent.CASE_OPENED));
  }

  @Test
  void eachFilterExcludesWhatItDoesNotList() {
    Set<AlertEvent> opened = EnumSet.of(AlertEvent.CASE_OPENED);
    assertFalse(AlertRules.matches(sub("org-nordvik", Set.of("tm-eu"), 0, Set.of(), Set.of(), Set.of(), opened),
        CASE, AlertEvent.CASE_OPENED));
    assertFalse(AlertRules.matches(sub("org-nordvik", Set.of(), 0, Set.of("LOOKALIKE"), Set.of(), Set.of(), opened),
        CASE, AlertEvent.CASE_OPENED));
    assertFalse(AlertRules.matches(sub("org-nordvik", Set.of(), 0, Set.of(), Set.of("other"), Set.of(), opened),
        CASE, AlertEvent.CASE_OPENED));
    assertFalse(AlertRules.matches(sub("org-nordvik", Set.of(), 0, Set.of(), Set.of(), Set.of("CN"), opened),
        CASE, AlertEvent.CASE_OPENED));
    assertTrue(AlertRules.matches(sub("org-nordvik", Set.of("tm-us", "tm-eu"), 0.5, Set.of("BRAND_USE"),
        Set.of("demo-market"), Set.of("US", "EU"), opened), CASE, AlertEvent.CASE_OPENED));
  }

  @Test
  void anEventNotSubscribedToDoesNotMatch() {
    AlertRules.Subscription relisting = sub("org-nordvik", Set.of(), 0, Set.of(), Set.of(), Set.of(),
        EnumSet.of(AlertEvent.RELISTING));
    assertFalse(AlertRules.matches(relisting, CASE, AlertEvent.CASE_OPENED));
    assertEquals(List.of(relisting), AlertRules.triggered(List.of(relisting, any("org-lumora")), CASE,
        AlertEvent.RELISTING));
  }

  @Test
  void aRelistingFlagRaisesTheRelistingEventAndOtherKindsCaseOpened() {
    assertEquals(AlertEvent.RELISTING, AlertEvent.forOpenedKind("RELISTING"));
    assertEquals(AlertEvent.CASE_OPENED, AlertEvent.forOpenedKind("BRAND_USE"));
    assertEquals("alert.deadline_approaching", AlertEvent.DEADLINE_APPROACHING.type());
  }
}
