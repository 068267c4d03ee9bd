-- Parties: organisations with one role. Platforms name the marketplace they operate; regulators, courts and
-- admins name the jurisdictions they act in.
CREATE TABLE organisations (
  id            text PRIMARY KEY,
  name          text NOT NULL,
  role          text NOT NULL CHECK (role IN ('REGULATOR', 'COURT', 'RIGHTS_HOLDER', 'PLATFORM', 'ADMIN')),
  marketplace   text,
  jurisdictions text[] NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT platform_has_marketplace CHECK (role <> 'PLATFORM' OR marketplace IS NOT NULL)
);

-- The registry of rights, in the IpAsset contract (body). owner_org is not a foreign key: a registry may be loaded
-- before its owners sign up.
CREATE TABLE ip_assets (
  asset_id   text PRIMARY KEY,
  owner_org  text NOT NULL,
  type       text NOT NULL CHECK (type IN ('TRADEMARK', 'PATENT')),
  body       jsonb NOT NULL,
  version    bigint NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ip_assets_owner_idx ON ip_assets (owner_org);

-- One case per listing and asset: a replayed flag finds the existing row.
CREATE TABLE cases (
  id              uuid PRIMARY KEY,
  listing_id      text NOT NULL,
  asset_id        text NOT NULL,
  owner_org       text NOT NULL,
  marketplace     text NOT NULL,
  jurisdiction    text NOT NULL,
  status          text NOT NULL CHECK (status IN ('DETECTED', 'CONFIRMED', 'DISMISSED', 'NOTICE_SENT', 'REMOVED',
                    'REJECTED', 'COUNTER_NOTICE', 'ESCALATED', 'REFERRED', 'RESTORED', 'CLOSED')),
  kind            text NOT NULL,
  score           double precision NOT NULL CHECK (score >= 0 AND score <= 1),
  title           text,
  url             text,
  seller_id       text,
  seller_name     text,
  -- set when a takedown notice goes to the platform: from then on the platform may see the case
  notice_sent_at  timestamptz,
  -- the court a case was referred to: only that court may see it
  referred_to_org text,
  detected_at     timestamptz NOT NULL,
  flag            jsonb NOT NULL,
  -- bumped on every change; also the external version of the search document, so a stale re-index loses
  version         bigint NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT cases_listing_asset_key UNIQUE (listing_id, asset_id)
);
CREATE INDEX cases_owner_idx ON cases (owner_org, created_at DESC);
CREATE INDEX cases_jurisdiction_idx ON cases (jurisdiction, created_at DESC);
CREATE INDEX cases_marketplace_idx ON cases (marketplace, created_at DESC);
CREATE INDEX cases_referred_idx ON cases (referred_to_org) WHERE referred_to_org IS NOT NULL;

-- The audit trail: written in the same transaction as the change it records, never updated.
CREATE TABLE case_events (
  id      bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  actor   text NOT NULL,
  at      timestamptz NOT NULL DEFAULT now(),
  type    text NOT NULL,
  reason  text,
  before  jsonb,
  after   jsonb
);
CREATE INDEX case_events_case_idx ON case_events (case_id, at, id);

-- Flags that could not be read. source is topic/partition/offset, so a replay does not add a second row.
CREATE TABLE ingest_dead_letters (
  id     bigserial PRIMARY KEY,
  source text NOT NULL UNIQUE,
  raw    bytea NOT NULL,
  cause  text NOT NULL,
  at     timestamptz NOT NULL DEFAULT now()
);
