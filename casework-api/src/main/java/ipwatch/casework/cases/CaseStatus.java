package ipwatch.casework.cases;

/** Where a case stands in the workflow of DESIGN §4. Issue 5 adds the transitions; ingestion opens DETECTED. */
public enum CaseStatus {
  DETECTED,
  CONFIRMED,
  DISMISSED,
  NOTICE_SENT,
  REMOVED,
  REJECTED,
  COUNTER_NOTICE,
  ESCALATED,
  REFERRED,
  RESTORED,
  CLOSED
}
