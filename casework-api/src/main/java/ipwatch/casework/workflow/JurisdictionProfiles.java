package ipwatch.casework.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import ipwatch.model.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The jurisdiction profiles, read and checked once at start-up. Without a file name the copy of
 * config/jurisdictions.yaml built into the jar is used, so the service starts from any working directory.
 */
public final class JurisdictionProfiles {
  static final String BUILT_IN = "ipwatch-casework/jurisdictions.yaml";
  /** Fields a profile may require: the optional fields of a transition's {@code details} (openapi.json). */
  static final Set<String> DETAIL_FIELDS = Set.of("explanation", "urls", "notifierName", "notifierEmail",
      "goodFaith", "accuracyUnderPenaltyOfPerjury", "signature", "primaFacieEvidence", "measure",
      "statementOfReasons", "declaration", "declarantName", "declarantAddress", "declarantPhone",
      "goodFaithMistake", "consentToJurisdiction", "outcome");
  private final Map<String, JurisdictionProfile> byCode;
  private final JurisdictionProfile fallback;

  private JurisdictionProfiles(Map<String, JurisdictionProfile> byCode) {
    this.byCode = Map.copyOf(byCode);
    this.fallback = byCode.get("default");
  }

  public JurisdictionProfile forCode(String code) {
    return byCode.getOrDefault(code, fallback);
  }

  public static JurisdictionProfiles load(Optional<Path> file) {
    String source = file.map(Path::toString).orElse("built-in " + BUILT_IN);
    try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
        : JurisdictionProfiles.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new ConfigException("jurisdiction profiles not found: " + source);
      }
      return parse(new ObjectMapper(new YAMLFactory()).readTree(in), source);
    } catch (IOException e) {
      throw new ConfigException("cannot read jurisdiction profiles " + source + ": " + e.getMessage());
    }
  }

  static JurisdictionProfiles parse(JsonNode root, String source) {
    JsonNode all = root == null ? null : root.get("jurisdictions");
    if (all == null || !all.isObject() || all.get("default") == null) {
      throw new ConfigException(source + ": needs a 'jurisdictions' map with a 'default' profile");
    }
    Map<String, JurisdictionProfile> out = new HashMap<>();
    all.fields().forEachRemaining(e -> out.put(e.getKey(), profile(e.getKey(), e.getValue(),
        source + ": jurisdictions." + e.getKey())));
    return new JurisdictionProfiles(out);
  }

  private static JurisdictionProfile profile(String code, JsonNode p, String at) {
    if (!code.equals("default") && !code.matches("[A-Z]{2,3}")) {
      throw new ConfigException(at + ": a jurisdiction is a code such as US, EU or CN");
    }
    Set<Action> actions = EnumSet.noneOf(Action.class);
    for (String a : strings(p, "actions", at)) {
      Action action = Action.parse(a).filter(Action::changesStatus)
          .orElseThrow(() -> new ConfigException(at + ".actions: unknown action '" + a + "'"));
      actions.add(action);
    }
    JsonNode notice = p.path("notice");
    return new JurisdictionProfile(code, text(p, "law", at), actions,
        fields(notice, "required", at + ".notice"), notice.path("requireEvidence").asBoolean(false),
        fields(p.path("removal"), "required", at + ".removal"),
        fields(p.path("counterNotice"), "required", at + ".counterNotice"),
        window(p.get("restoreWindow"), at + ".restoreWindow"),
        window(p.get("complaintWindow"), at + ".complaintWindow"),
        calendar(p.get("calendar"), at + ".calendar"));
  }

  private static List<String> fields(JsonNode n, String key, String at) {
    List<String> f = strings(n, key, at);
    for (String s : f) {
      if (!DETAIL_FIELDS.contains(s)) {
        throw new ConfigException(at + "." + key + ": unknown field '" + s + "', known: " + DETAIL_FIELDS);
      }
    }
    return f;
  }

  private static Optional<Window> window(JsonNode n, String at) {
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    int length = n.path("length").asInt(-1);
    Window.Unit unit = parse(n.path("unit").asText(), Window.Unit::valueOf, at + ".unit");
    Integer latest = n.hasNonNull("latest") ? n.get("latest").asInt() : null;
    if (length <= 0 || (latest != null && latest < length)) {
      throw new ConfigException(at + ": length must be > 0 and latest (if given) >= length");
    }
    return Optional.of(new Window(length, unit, latest));
  }

  private static BusinessCalendar calendar(JsonNode n, String at) {
    if (n == null) {
      throw new ConfigException(at + " is missing");
    }
    ZoneId zone = parse(text(n, "timeZone", at), ZoneId::of, at + ".timeZone");
    Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
    strings(n, "weekend", at).forEach(d -> weekend.add(parse(d, DayOfWeek::valueOf, at + ".weekend")));
    List<LocalDate> holidays = new ArrayList<>();
    strings(n, "holidays", at).forEach(d -> holidays.add(parse(d, LocalDate::parse, at + ".holidays")));
    List<LocalDate> working = new ArrayList<>();
    strings(n, "workingDays", at).forEach(d -> working.add(parse(d, LocalDate::parse, at + ".workingDays")));
    return new BusinessCalendar(zone, weekend, Set.copyOf(holidays), Set.copyOf(working));
  }

  private static <T> T parse(String v, Function<String, T> f, String at) {
    try {
      return f.apply(v);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new ConfigException(at + ": '" + v + "' is not valid");
    }
  }

  private static String text(JsonNode n, String key, String at) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new ConfigException(at + "." + key + " is missing");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode n, String key, String at) {
    JsonNode v = n == null ? null : n.get(key);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new ConfigException(at + "." + key + " must be a list");
    }
    v.forEach(e -> out.add(e.asText()));
    return out;
  }
}
