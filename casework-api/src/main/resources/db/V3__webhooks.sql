-- Issue 6: platform webhook endpoints, their signing secrets, and per-endpoint deliveries of 'webhook' outbox rows.

-- An endpoint belongs to one organisation; a disabled one (by its owner, or by a 410 Gone) receives nothing.
CREATE TABLE webhook_endpoints (
  id              uuid PRIMARY KEY,
  org_id          text NOT NULL REFERENCES organisations (id),
  url             text NOT NULL,
  description     text,
  enabled         boolean NOT NULL DEFAULT true,
  disabled_reason text,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id);

-- Signing secrets (whsec_...). Every secret not yet expired signs; a rotation sets the old ones to expire after the
-- grace period. Kept in clear: HMAC signing needs the key itself.
CREATE TABLE webhook_secrets (
  id          uuid PRIMARY KEY,
  endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  secret      text NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz
);
CREATE INDEX webhook_secrets_endpoint_idx ON webhook_secrets (endpoint_id);

-- One message to one endpoint. msg_id is the webhook-id header, fixed at creation so every retry and replay carries
-- the same one; body holds the exact bytes signed and sent. A dispatcher owns a row while lease_until is in the
-- future; attempts doubles as a fencing token (a dispatcher whose lease ran out cannot overwrite a later attempt).
CREATE TABLE webhook_deliveries (
  id              bigserial PRIMARY KEY,
  msg_id          text NOT NULL UNIQUE,
  outbox_id       bigint NOT NULL,
  endpoint_id     uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_type      text NOT NULL,
  body            text NOT NULL,
  status          text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
  attempts        int NOT NULL DEFAULT 0,
  round_attempts  int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until     timestamptz,
  last_status     int,
  last_error      text,
  created_at      timestamptz NOT NULL,
  delivered_at    timestamptz,
  dead_at         timestamptz,
  replays         int NOT NULL DEFAULT 0,
  UNIQUE (outbox_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id);

-- Every attempt: when, the answer (HTTP status or the error), how long it took.
CREATE TABLE webhook_attempts (
  delivery_id  bigint NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  attempt      int NOT NULL,
  attempted_at timestamptz NOT NULL,
  status       int,
  error        text,
  duration_ms  int,
  PRIMARY KEY (delivery_id, attempt)
);
