-- Issue 5 (casework core, portal side): the next legal deadline on the case row (for lists, filters and search),
-- users of organisations, and the audit trail of administrative changes.

-- The earliest pending timer of the case, kept by a trigger on case_timers so every writer of timers (transitions,
-- the deadline scanner) keeps it right without knowing about it. Timers change only together with a transition,
-- which bumps the case version, so the search document re-indexed after that transition carries the new value.
ALTER TABLE cases ADD COLUMN next_deadline timestamptz;
CREATE INDEX cases_next_deadline_idx ON cases (next_deadline) WHERE next_deadline IS NOT NULL;

CREATE FUNCTION cases_refresh_next_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases c SET next_deadline = d.due
    FROM (SELECT min(due_at) AS due FROM case_timers
           WHERE case_id = NEW.case_id AND fired_at IS NULL AND cancelled_at IS NULL) d
   WHERE c.id = NEW.case_id AND c.next_deadline IS DISTINCT FROM d.due;
  RETURN NULL;
END $$;

CREATE TRIGGER case_timers_next_deadline AFTER INSERT OR UPDATE ON case_timers
  FOR EACH ROW EXECUTE FUNCTION cases_refresh_next_deadline();

UPDATE cases c SET next_deadline = (SELECT min(due_at) FROM case_timers t
  WHERE t.case_id = c.id AND t.fired_at IS NULL AND t.cancelled_at IS NULL);

-- Organisation names are unique (case-insensitively), and a marketplace has one platform organisation: the webhook
-- dispatcher and the scope of a platform both resolve a marketplace to exactly one organisation.
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));
CREATE UNIQUE INDEX organisations_platform_marketplace_key ON organisations (marketplace) WHERE role = 'PLATFORM';

-- Users act for exactly one organisation (the org claim of their tokens). E-mail addresses are unique.
CREATE TABLE users (
  id         text PRIMARY KEY,
  org_id     text NOT NULL REFERENCES organisations (id),
  name       text NOT NULL,
  email      text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_org_idx ON users (org_id);

-- Administrative changes (organisations, users, tokens issued), never updated; cases keep their own trail.
CREATE TABLE admin_events (
  id      bigserial PRIMARY KEY,
  actor   text NOT NULL,
  at      timestamptz NOT NULL DEFAULT now(),
  type    text NOT NULL,
  subject text NOT NULL,
  after   jsonb
);
CREATE INDEX admin_events_subject_idx ON admin_events (subject, id);
