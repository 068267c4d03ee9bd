-- Issue 7: seller networks, repeat infringers, relistings.

-- Each seller account's operator network as last read from the compacted seller-links topic (latest record per
-- account wins; a tombstone deletes the row). account_id is the topic's key, marketplace:sellerId, which is what
-- cases.seller_account holds. evidence keeps only masked values and hashes, never a raw identifier.
CREATE TABLE seller_accounts (
  account_id  text PRIMARY KEY,
  network_id  text NOT NULL,
  evidence    jsonb NOT NULL DEFAULT '[]',
  -- topic/partition/offset of the record applied last
  source      text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seller_accounts_network_idx ON seller_accounts (network_id);

-- seller_account: the seller-links key of the case's seller, derived so it can never disagree with the case.
-- related_case_id: for a relisting, the earlier case whose listing was taken down.
ALTER TABLE cases
  ADD COLUMN seller_account  text GENERATED ALWAYS AS (marketplace || ':' || seller_id) STORED,
  ADD COLUMN related_case_id uuid REFERENCES cases (id);
CREATE INDEX cases_seller_account_idx ON cases (seller_account);
-- only REMOVED and CLOSED cases can be upheld: the repeat-infringer test looks at those alone, so a seller with
-- thousands of open cases costs an index probe, not a scan
CREATE INDEX cases_upheld_seller_idx ON cases (seller_account) WHERE status IN ('REMOVED', 'CLOSED');

-- A case whose enforcement stood: removed (and not since restored), decided INFRINGING or SETTLED, or closed
-- straight from REMOVED.
CREATE FUNCTION ipw_case_upheld(p_id uuid, p_status text, p_outcome text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT p_status = 'REMOVED' OR coalesce(p_outcome IN ('INFRINGING', 'SETTLED'), false)
      OR (p_status = 'CLOSED' AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = p_id AND e.type = 'CLOSE'
          AND e.before ->> 'status' = 'REMOVED'))
$$;

-- The network of a seller account (null when the account is in none).
CREATE FUNCTION ipw_network_of(p_account text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT network_id FROM seller_accounts WHERE account_id = p_account
$$;

-- The accounts of a seller's operator network; the account alone when it is in none.
CREATE FUNCTION ipw_network_accounts(p_account text) RETURNS SETOF text
LANGUAGE sql STABLE AS $$
  SELECT p_account WHERE p_account IS NOT NULL
  UNION
  SELECT o.account_id FROM seller_accounts s JOIN seller_accounts o ON o.network_id = s.network_id
  WHERE s.account_id = p_account
$$;

-- Whether another case of the same seller account or of its operator network was upheld.
CREATE FUNCTION ipw_repeat_infringer(p_case uuid, p_account text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM cases u WHERE u.seller_account IN (SELECT ipw_network_accounts(p_account))
      AND u.status IN ('REMOVED', 'CLOSED') AND u.id IS DISTINCT FROM p_case
      AND ipw_case_upheld(u.id, u.status, u.outcome))
$$;
