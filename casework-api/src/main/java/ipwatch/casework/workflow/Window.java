package ipwatch.casework.workflow;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * A legal period: {@code length} units from a start, and optionally a {@code latest} end (DMCA 512(g): not less than
 * 10 nor more than 14 business days). The automatic step fires at {@link #due}; a manual step is allowed from then
 * until {@link #latestEnd}.
 */
public record Window(int length, Unit unit, Integer latest) {

  public enum Unit { CALENDAR_DAYS, BUSINESS_DAYS, MONTHS }

  public Instant due(Instant start, BusinessCalendar calendar) {
    return add(start, length, calendar);
  }

  public Instant latestEnd(Instant start, BusinessCalendar calendar) {
    return add(start, latest == null ? length : latest, calendar);
  }

  private Instant add(Instant start, int n, BusinessCalendar calendar) {
    ZonedDateTime t = start.atZone(calendar.zone());
    return switch (unit) {
      case CALENDAR_DAYS -> t.plusDays(n).toInstant();
      case MONTHS -> t.plusMonths(n).toInstant();
      case BUSINESS_DAYS -> calendar.plusBusinessDays(t, n).toInstant();
    };
  }

  public String describe() {
    String u = unit.name().toLowerCase().replace('_', ' ');
    return latest == null ? length + " " + u : length + "-" + latest + " " + u;
  }
}
