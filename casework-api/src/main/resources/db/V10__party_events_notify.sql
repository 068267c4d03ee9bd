-- GET /api/events used to find new party_events rows by polling the table every 200 ms, which added up to 200 ms
-- (100 ms on average) between a change's commit and its event. Now every transaction that writes party_events also
-- sends a NOTIFY on the channel 'party_events'; PostgreSQL delivers it to the listeners when (and only if) the
-- transaction commits, and folds identical notifications of one transaction into one. So each casework-api instance
-- reads the table once per committing transaction instead of on a timer (events.EventHub, events.PartyEventsListener);
-- the timer stays as a slow fallback for a listening connection that is down.
CREATE FUNCTION party_events_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('party_events', '');
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER party_events_notify AFTER INSERT ON party_events
  FOR EACH STATEMENT EXECUTE FUNCTION party_events_notify();
