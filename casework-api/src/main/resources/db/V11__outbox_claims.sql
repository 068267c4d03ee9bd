-- The 'search' outbox relay used to keep its transaction, and so one of the pool's connections, open while
-- Elasticsearch indexed the batch (up to seconds under load). Channels whose consumer does not care about order (the
-- search index takes versioned documents) now claim their rows for a while instead (claimed_until), deliver with no
-- transaction open, and mark the rows delivered afterwards. A claim that outlives its relay (the process died) lapses
-- and the rows are delivered again; the delivery is idempotent. The 'kafka' channel keeps its ordered, locked rounds.
ALTER TABLE outbox ADD COLUMN claimed_until timestamptz;
