-- A case.updated event now says which listing and asset the case is about, where, and when it was opened, so a client
-- (the portal's live list, a rights holder's integration, the load bench) can show or match a new case from the event
-- alone instead of fetching every case it announces. The stream is scoped per reader like every case read, so the
-- event carries nothing its reader could not already read in GET /api/cases.
CREATE OR REPLACE FUNCTION party_events_case_updated() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.version IS DISTINCT FROM OLD.version OR NEW.status IS DISTINCT FROM OLD.status THEN
    INSERT INTO party_events (event, case_id, data) VALUES ('case.updated', NEW.id,
      jsonb_build_object('caseId', NEW.id::text, 'status', NEW.status, 'version', NEW.version,
        'listingId', NEW.listing_id, 'assetId', NEW.asset_id, 'marketplace', NEW.marketplace,
        'jurisdiction', NEW.jurisdiction,
        'createdAt', to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')));
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
