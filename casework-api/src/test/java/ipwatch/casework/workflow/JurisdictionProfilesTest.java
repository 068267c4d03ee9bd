package ipwatch.casework.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import ipwatch.model.config.ConfigException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JurisdictionProfilesTest {
  private static final JurisdictionProfiles PROFILES =
      JurisdictionProfiles.load(Optional.of(Path.of("../config/jurisdictions.yaml")));

  @Test
  void theShippedProfilesEncodeTheStatutoryWindows() {
    assertEquals(new Window(15, Window.Unit.CALENDAR_DAYS, null), PROFILES.forCode("CN").restoreWindow().get());
    assertEquals(new Window(10, Window.Unit.BUSINESS_DAYS, 14), PROFILES.forCode("US").restoreWindow().get());
    assertEquals(new Window(6, Window.Unit.MONTHS, null), PROFILES.forCode("EU").complaintWindow().get());
    assertTrue(PROFILES.forCode("CN").actions().contains(Action.TAKE_UP));
    assertFalse(PROFILES.forCode("US").actions().contains(Action.TAKE_UP));
    assertFalse(PROFILES.forCode("EU").actions().contains(Action.COUNTER_NOTICE));
    assertEquals("default", PROFILES.forCode("JP").code());
  }

  @Test
  void aChineseMakeUpWorkingSaturdayCountsAsABusinessDay() {
    BusinessCalendar cn = PROFILES.forCode("CN").calendar();
    assertTrue(cn.isBusinessDay(LocalDate.parse("2026-02-14")));   // Saturday, make-up working day
    assertFalse(cn.isBusinessDay(LocalDate.parse("2026-02-17")));  // Spring Festival
    assertFalse(cn.isBusinessDay(LocalDate.parse("2026-02-21")));  // ordinary Saturday
  }

  @Test
  void usBusinessDaysSkipWeekendsAndFederalHolidays() {
    Window w = PROFILES.forCode("US").restoreWindow().get();
    BusinessCalendar us = PROFILES.forCode("US").calendar();
    // Wed 23 Dec 2026 10:00 New York: 24 (1), 25 holiday, 28-31 (2-5), 1 Jan holiday, 4-8 Jan (6-10)
    Instant start = Instant.parse("2026-12-23T15:00:00Z");
    assertEquals(Instant.parse("2027-01-08T15:00:00Z"), w.due(start, us));
  }

  @Test
  void aProfileWithAnUnknownActionOrFieldStopsTheStartNamingThePath() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    String base = "jurisdictions:\n  default:\n    law: x\n    calendar: {timeZone: UTC}\n";
    ConfigException badAction = assertThrows(ConfigException.class, () -> JurisdictionProfiles.parse(
        yaml.readTree(base + "    actions: [confirm, explode]\n"), "test.yaml"));
    assertTrue(badAction.getMessage().contains("jurisdictions.default.actions"), badAction.getMessage());
    ConfigException badField = assertThrows(ConfigException.class, () -> JurisdictionProfiles.parse(
        yaml.readTree(base + "    notice: {required: [shoeSize]}\n"), "test.yaml"));
    assertTrue(badField.getMessage().contains("shoeSize"), badField.getMessage());
    assertThrows(ConfigException.class, () -> JurisdictionProfiles.parse(
        yaml.readTree(base + "    restoreWindow: {length: 10, unit: BUSINESS_DAYS, latest: 5}\n"), "test.yaml"));
  }

  @Test
  void theBuiltInCopyIsTheConfigFile() {
    JurisdictionProfiles builtIn = JurisdictionProfiles.load(Optional.empty());
    assertEquals(PROFILES.forCode("US"), builtIn.forCode("US"));
  }
}
