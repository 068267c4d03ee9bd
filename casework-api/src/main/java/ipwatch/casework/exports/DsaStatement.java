package ipwatch.casework.exports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A platform's removal as a DSA Transparency Database statement of reasons (Art. 17, Art. 24(5)): the database's own
 * field names and enumerations, so a platform can POST the list to {@code /api/v1/statements} (at most 100 per call).
 * No personal data: neither the seller nor any natural person is named; the source is the notifying organisation.
 */
public final class DsaStatement {
  private DsaStatement() {}

  /** What a removal recorded: the case, the notice's source and the submitted details. */
  public record Removal(String caseId, long eventId, String assetType, Instant contentDate, Instant decidedAt,
      boolean noticeByRegulator, String notifierOrganisation, String law, JsonObject details) {}

  public static JsonObject of(Removal r) {
    JsonObject details = r.details() == null ? new JsonObject() : r.details();
    JsonObject sor = details.getJsonObject("statementOfReasons", new JsonObject());
    String ground = sor.getString("decisionGround", "DECISION_GROUND_ILLEGAL_CONTENT");
    boolean patent = "PATENT".equals(r.assetType());
    String explanation = sor.getString("explanation", "The listing offers goods that infringe the notifier's "
        + (patent ? "patent" : "trade mark") + ".");
    JsonObject s = new JsonObject()
        .put("decision_visibility", new JsonArray().add(visibility(details.getString("measure"))))
        .put("decision_ground", ground)
        .put("category", "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS")
        .put("category_specification", new JsonArray().add(patent ? "KEYWORD_PATENT_INFRINGEMENT"
            : "KEYWORD_TRADEMARK_INFRINGEMENT"))
        .put("content_type", new JsonArray().add("CONTENT_TYPE_PRODUCT"))
        .put("content_date", date(r.contentDate()))
        .put("application_date", date(r.decidedAt()))
        .put("decision_facts", truncate(explanation, 5000))
        .put("source_type", r.noticeByRegulator() ? "SOURCE_TYPE_OTHER_NOTIFICATION" : "SOURCE_ARTICLE_16")
        .put("source_identity", truncate(r.notifierOrganisation(), 500))
        .put("automated_detection", Boolean.TRUE.equals(sor.getBoolean("automatedDetection")) ? "Yes" : "No")
        .put("automated_decision", sor.getString("automatedDecision", "AUTOMATED_DECISION_NOT_AUTOMATED"))
        .put("puid", "ipwatch-" + r.caseId() + "-" + r.eventId());
    if ("DECISION_GROUND_ILLEGAL_CONTENT".equals(ground)) {
      s.put("illegal_content_legal_ground", truncate(sor.getString("legalGround", r.law()), 500))
          .put("illegal_content_explanation", truncate(explanation, 2000));
    } else {
      s.put("incompatible_content_ground", truncate(sor.getString("legalGround", "terms and conditions"), 500))
          .put("incompatible_content_explanation", truncate(explanation, 2000))
          .put("incompatible_content_illegal", "Yes");
    }
    if ("TERMINATE_TRANSACTIONS".equals(details.getString("measure"))) {
      s.put("decision_visibility_other", "Transactions on the listing were terminated.");
    }
    JsonArray scope = sor.getJsonArray("territorialScope");
    if (scope != null && !scope.isEmpty()) {
      s.put("territorial_scope", scope.copy());
    }
    return s;
  }

  /** The measure the platform recorded (PRC Art. 42 names four) as the database's visibility restriction. */
  static String visibility(String measure) {
    if (measure == null || measure.equals("DELETE")) {
      return "DECISION_VISIBILITY_CONTENT_REMOVED";
    }
    return switch (measure) {
      case "BLOCK", "DISCONNECT_LINKS" -> "DECISION_VISIBILITY_CONTENT_DISABLED";
      default -> "DECISION_VISIBILITY_OTHER";
    };
  }

  private static String date(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
