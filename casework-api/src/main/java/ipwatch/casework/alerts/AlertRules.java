package ipwatch.casework.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which subscriptions an event on a case triggers. Pure: the caller loads the subscriptions of the case's owner (so a
 * holder's subscription can never see another holder's case) and this class applies the filters. Empty filter sets
 * mean "any"; the score filter is inclusive.
 */
public final class AlertRules {
  private AlertRules() {}

  /** A subscription as stored; {@code endpointId} is null for the SSE channel. */
  public record Subscription(String id, String orgId, Set<String> assetIds, double minScore, Set<String> kinds,
      Set<String> marketplaces, Set<String> jurisdictions, Set<AlertEvent> events, String channel,
      String endpointId) {}

  /** The facts of a case an alert is about. */
  public record CaseFacts(String caseId, String ownerOrg, String assetId, String kind, double score,
      String marketplace, String jurisdiction) {}

  public static boolean matches(Subscription s, CaseFacts c, AlertEvent event) {
    return s.orgId().equals(c.ownerOrg())
        && s.events().contains(event)
        && c.score() >= s.minScore()
        && any(s.assetIds(), c.assetId())
        && any(s.kinds(), c.kind())
        && any(s.marketplaces(), c.marketplace())
        && any(s.jurisdictions(), c.jurisdiction());
  }

  /** The subscriptions among {@code candidates} that {@code event} on {@code c} triggers, in their order. */
  public static List<Subscription> triggered(List<Subscription> candidates, CaseFacts c, AlertEvent event) {
    List<Subscription> out = new ArrayList<>();
    for (Subscription s : candidates) {
      if (matches(s, c, event)) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean any(Set<String> allowed, String value) {
    return allowed.isEmpty() || (value != null && allowed.contains(value));
  }
}
