-- Issue 6: rights-holder alert subscriptions, the per-party event log behind GET /api/events (SSE), deadline warnings
-- and failing webhook endpoints.

-- A rights holder's standing order: which of its own cases raise an alert, and where the alert goes. Empty arrays
-- mean "any". A webhook subscription names one of the holder's own endpoints; an SSE one has none.
CREATE TABLE alert_subscriptions (
  id            uuid PRIMARY KEY,
  org_id        text NOT NULL REFERENCES organisations (id),
  asset_ids     text[] NOT NULL DEFAULT '{}',
  min_score     double precision NOT NULL DEFAULT 0 CHECK (min_score >= 0 AND min_score <= 1),
  kinds         text[] NOT NULL DEFAULT '{}',
  marketplaces  text[] NOT NULL DEFAULT '{}',
  jurisdictions text[] NOT NULL DEFAULT '{}',
  events        text[] NOT NULL,
  channel       text NOT NULL CHECK (channel IN ('webhook', 'sse')),
  endpoint_id   uuid REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL,
  CHECK ((channel = 'webhook') = (endpoint_id IS NOT NULL))
);
CREATE INDEX alert_subscriptions_org_idx ON alert_subscriptions (org_id);

-- An alert row of the webhook outbox goes to this one endpoint (of target_org) instead of all of them.
ALTER TABLE outbox ADD COLUMN target_endpoint uuid;

-- What GET /api/events streams, in id order, on every instance (each polls this table; no instance-local state).
-- case.updated rows are written by the trigger below in the transaction of the change, and are filtered by the
-- reader's party scope when sent; alert and webhook.failing rows name the one organisation they are for.
CREATE TABLE party_events (
  id         bigserial PRIMARY KEY,
  event      text NOT NULL CHECK (event IN ('case.updated', 'alert', 'webhook.failing')),
  case_id    uuid,
  org_id     text,
  data       jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX party_events_created_idx ON party_events (created_at);

-- Every case insert and every version change, whoever writes it (ingestion, workflow, timers, bulk actions).
CREATE FUNCTION party_events_case_updated() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.version IS DISTINCT FROM OLD.version OR NEW.status IS DISTINCT FROM OLD.status THEN
    INSERT INTO party_events (event, case_id, data) VALUES ('case.updated', NEW.id,
      jsonb_build_object('caseId', NEW.id::text, 'status', NEW.status, 'version', NEW.version));
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER cases_party_events AFTER INSERT OR UPDATE ON cases
  FOR EACH ROW EXECUTE FUNCTION party_events_case_updated();

-- A DEADLINE_APPROACHING alert is raised once per timer.
ALTER TABLE case_timers ADD COLUMN warned_at timestamptz;

-- Set when a delivery to the endpoint was dead-lettered after the whole retry schedule; cleared by the next 2xx or
-- when the owner re-enables or moves the endpoint.
ALTER TABLE webhook_endpoints ADD COLUMN failing_since timestamptz;
ALTER TABLE webhook_endpoints ADD COLUMN failing_reason text;
