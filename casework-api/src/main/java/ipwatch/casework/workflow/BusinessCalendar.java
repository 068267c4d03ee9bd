package ipwatch.casework.workflow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working days of one jurisdiction: weekends and public holidays off, make-up working days (China moves weekend days
 * around its holidays) on. Dates are taken in the jurisdiction's own time zone.
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays,
    Set<LocalDate> workingDays) {

  public BusinessCalendar {
    weekend = Set.copyOf(weekend);
    holidays = Set.copyOf(holidays);
    workingDays = Set.copyOf(workingDays);
  }

  public boolean isBusinessDay(LocalDate d) {
    if (workingDays.contains(d)) {
      return true;
    }
    return !weekend.contains(d.getDayOfWeek()) && !holidays.contains(d);
  }

  /**
   * The same local time of day {@code n} business days after {@code start}'s local date (the day of receipt does not
   * count, as in "10 business days following receipt").
   */
  public ZonedDateTime plusBusinessDays(ZonedDateTime start, int n) {
    ZonedDateTime t = start.withZoneSameInstant(zone);
    int left = n;
    while (left > 0) {
      t = t.plusDays(1);
      if (isBusinessDay(t.toLocalDate())) {
        left--;
      }
    }
    return t;
  }
}
