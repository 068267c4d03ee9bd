package ipwatch.casework.cases;

/**
 * Where a case stands in the workflow of DESIGN §4; the transitions between them are in {@code workflow.StateMachine}.
 * Ingestion opens DETECTED. COMPLAINT is the seller's internal complaint against a removal (DSA Art. 20).
 */
public enum CaseStatus {
  DETECTED,
  CONFIRMED,
  DISMISSED,
  NOTICE_SENT,
  REMOVED,
  REJECTED,
  COUNTER_NOTICE,
  COMPLAINT,
  ESCALATED,
  REFERRED,
  RESTORED,
  CLOSED
}
