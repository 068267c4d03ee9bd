-- ipw_repeat_infringer runs for every case row the API reads (CaseRows.COLUMNS). Its `IN (SELECT set-returning
-- function)` form made PostgreSQL scan every case each time; `= ANY(ARRAY(...))` turns the network's accounts into a
-- constant array the planner takes to cases_seller_account_idx, as RepeatInfringers.priorityInput already does.
CREATE OR REPLACE FUNCTION ipw_repeat_infringer(p_case uuid, p_account text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM cases u WHERE u.seller_account = ANY(ARRAY(SELECT ipw_network_accounts(p_account)))
      AND u.status IN ('REMOVED', 'CLOSED') AND u.id IS DISTINCT FROM p_case
      AND ipw_case_upheld(u.id, u.status, u.outcome))
$$;
