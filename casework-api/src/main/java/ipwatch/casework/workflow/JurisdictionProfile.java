package ipwatch.casework.workflow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One jurisdiction's rules from config/jurisdictions.yaml (see the comments there for each key). */
public record JurisdictionProfile(
    String code,
    String law,
    Set<Action> actions,
    List<String> noticeRequired,
    boolean noticeRequiresEvidence,
    List<String> removalRequired,
    List<String> counterNoticeRequired,
    Optional<Window> restoreWindow,
    Optional<Window> complaintWindow,
    BusinessCalendar calendar) {

  public JurisdictionProfile {
    actions = Set.copyOf(actions);
    noticeRequired = List.copyOf(noticeRequired);
    removalRequired = List.copyOf(removalRequired);
    counterNoticeRequired = List.copyOf(counterNoticeRequired);
  }

  /** The fields of {@code details} an action must carry here. */
  public List<String> required(Action a) {
    return switch (a) {
      case SEND_NOTICE -> noticeRequired;
      case REMOVE -> removalRequired;
      case COUNTER_NOTICE -> counterNoticeRequired;
      case DECIDE -> List.of("outcome");
      default -> List.of();
    };
  }
}
