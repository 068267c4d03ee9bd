-- Issue 5: workflow state, deadlines, evidence chain, comments, registry versions and the transactional outbox.

ALTER TABLE cases DROP CONSTRAINT cases_status_check;
ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN ('DETECTED', 'CONFIRMED', 'DISMISSED',
  'NOTICE_SENT', 'REMOVED', 'REJECTED', 'COUNTER_NOTICE', 'COMPLAINT', 'ESCALATED', 'REFERRED', 'RESTORED', 'CLOSED'));
ALTER TABLE cases
  -- a legal hold stops automatic restoration (the timer stays due and fires once the hold is released)
  ADD COLUMN legal_hold     boolean NOT NULL DEFAULT false,
  -- the regulator an escalation was routed to (config/routing.yaml)
  ADD COLUMN regulator_org  text,
  -- the user of the owning organisation working the case
  ADD COLUMN assigned_to    text,
  -- opened by a regulator on its own initiative (PRC E-Commerce Law Art. 45)
  ADD COLUMN own_initiative boolean NOT NULL DEFAULT false,
  -- 0..100, higher first: match score, asset value, remaining patent life, seller's case history
  ADD COLUMN priority       double precision NOT NULL DEFAULT 0,
  -- the decision of the regulator or court: INFRINGING, NOT_INFRINGING, SETTLED, WITHDRAWN
  ADD COLUMN outcome        text,
  -- seller identifiers (e-mail, phone, licence, address) supplied by the platform (DSA Art. 30 traceability);
  -- personal data: masked for rights holders, every full read is an audit event
  ADD COLUMN seller_identifiers jsonb;
CREATE INDEX cases_priority_idx ON cases (owner_org, priority DESC);
CREATE INDEX cases_seller_idx ON cases (marketplace, seller_id);

-- Legal deadlines as rows, so they survive restarts: scanned at start-up and periodically; a due timer fires its
-- action as system:timer in one transaction with its audit event. Fired or cancelled timers are kept as history.
CREATE TABLE case_timers (
  id           bigserial PRIMARY KEY,
  case_id      uuid NOT NULL REFERENCES cases (id),
  kind         text NOT NULL,                 -- RESTORE_WINDOW, COMPLAINT_WINDOW
  action       text NOT NULL,                 -- what fires: restore, close
  due_at       timestamptz NOT NULL,
  latest_at    timestamptz NOT NULL,          -- the window's outer end (DMCA: 14 business days)
  basis        text NOT NULL,                 -- the rule, for the audit reason
  created_at   timestamptz NOT NULL,
  fired_at     timestamptz,
  cancelled_at timestamptz
);
CREATE INDEX case_timers_pending_idx ON case_timers (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX case_timers_case_idx ON case_timers (case_id);

-- Transactional outbox: rows written in the same transaction as the change they announce, delivered afterwards by
-- a relay. channel 'kafka' (topic + msg_key; payload NULL = tombstone), 'search' (re-index a case) and, from the
-- alerts issue on, 'webhook' (event_type such as takedown_notice.created, target_org, Standard Webhooks delivery).
CREATE TABLE outbox (
  id              bigserial PRIMARY KEY,
  channel         text NOT NULL CHECK (channel IN ('kafka', 'search', 'webhook')),
  topic           text,
  msg_key         text,
  event_type      text,
  target_org      text,
  payload         jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  published_at    timestamptz,
  dead_at         timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (channel, id) WHERE published_at IS NULL AND dead_at IS NULL;

-- Every version of every asset, including removals (body NULL), with who changed it.
CREATE TABLE ip_asset_versions (
  asset_id   text NOT NULL,
  version    bigint NOT NULL,
  owner_org  text NOT NULL,
  body       jsonb,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (asset_id, version)
);
INSERT INTO ip_asset_versions (asset_id, version, owner_org, body, changed_by, changed_at)
  SELECT asset_id, version, owner_org, body, 'system:migration', updated_at FROM ip_assets;
-- a removed asset id keeps counting versions when re-created
CREATE TABLE ip_asset_ids (asset_id text PRIMARY KEY, owner_org text NOT NULL, last_version bigint NOT NULL);
INSERT INTO ip_asset_ids SELECT asset_id, owner_org, version FROM ip_assets;

-- Evidence: a hash chain per case. entry_hash = SHA-256 over the entry's fields and prev_hash (see
-- evidence.ChainEntry), so changing, removing or reordering any entry breaks every later hash.
CREATE TABLE evidence_items (
  case_id      uuid NOT NULL REFERENCES cases (id),
  seq          int NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('SNAPSHOT', 'IMAGE', 'DOCUMENT', 'CLAIM_CHART')),
  name         text NOT NULL,
  sha256       text NOT NULL,
  bytes        bigint NOT NULL,
  content_type text NOT NULL,
  added_by     text NOT NULL,
  added_at     timestamptz NOT NULL,
  prev_hash    text NOT NULL,
  entry_hash   text NOT NULL,
  PRIMARY KEY (case_id, seq)
);

-- Comments: PARTIES = every party that sees the case; INTERNAL = the author's organisation only.
CREATE TABLE case_comments (
  id          bigserial PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases (id),
  author_org  text NOT NULL,
  author_user text NOT NULL,
  visibility  text NOT NULL CHECK (visibility IN ('PARTIES', 'INTERNAL')),
  body        text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_comments_case_idx ON case_comments (case_id, id);
