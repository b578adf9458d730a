-- Call-setup attempts from calls (before sign-in linking), narrow: one row per Direct Routing leg, plus
-- one row per call record that has no Direct Routing leg (Calling Plan, Operator Connect, Teams VoIP).
-- Each row holds what linking and attribution need (user, time, app, whether the call was routed) and
-- row ids: its Direct Routing leg (dr_rid), its session (session_rid) and its PSTN row (pstn_rid). The
-- marts read every other attribute once, by those row ids: writing text columns is the costliest part
-- of a build (about 0.2 µs a value), so nothing is written twice. Which session a leg or a record takes
-- was chosen in intermediate/026 and 027. Times are integer microseconds: TIMESTAMPTZ arithmetic goes
-- through the time zone library and costs several times more per row.
CREATE OR REPLACE TABLE intermediate.int_attempts AS
SELECT
  d.dr_rid,
  p.session_rid,
  NULL::BIGINT AS pstn_rid,
  coalesce(d.user_p, p.session_user_p) AS user_p,
  p.app_id,
  d.attempt_us,
  true AS routed                                    -- a Direct Routing leg went through its trunk
FROM staging.stg_direct_routing_calls d
LEFT JOIN intermediate.int_dr_session_picks p USING (dr_rid);   -- no pick: the record has no user session

INSERT INTO intermediate.int_attempts BY NAME
SELECT
  NULL::BIGINT AS dr_rid,
  r.session_rid,
  r.pstn_rid,
  r.user_p,
  r.app_id,
  r.start_us AS attempt_us,
  p.operator IS NOT NULL AS routed                  -- Calling Plan / Operator Connect; else Teams VoIP
FROM intermediate.int_record_session_picks r
LEFT JOIN staging.stg_pstn_calls p ON p.pstn_rid = r.pstn_rid;
