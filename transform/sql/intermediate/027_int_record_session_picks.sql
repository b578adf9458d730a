-- Call records with no Direct Routing leg (Calling Plan, Operator Connect, Teams VoIP): the session
-- each one takes as its attempt, and the PSTN row that session takes, chosen on narrow columns
-- (intermediate/030 joins the rest).
CREATE OR REPLACE TEMP TABLE int_record_session_picks AS
WITH record_pick AS (
  -- Call records with no DR leg: the session that failed at setup if any, else the first one, then the
  -- lowest session id hash (its row id, user and start). The ordering is one integer (int_pick_key)
  -- rather than a struct: a smaller aggregate state, which is what this step's memory is.
  SELECT arg_min(u.session_rid, o) AS rid, arg_min(u.user_p, o) AS user_p, arg_min(u.start_us, o) AS start_us
  FROM (
    SELECT u.*,
           int_pick_key(CASE WHEN u.failure_stage = 'callSetup' THEN 0 WHEN u.failure_stage IS NOT NULL THEN 1 ELSE 2 END,
                        u.start_us, u.session_id) AS o
    FROM temp.int_user_sessions u
    ANTI JOIN staging.stg_direct_routing_calls d ON d.correlation_id = u.call_record_id
  ) u
  GROUP BY u.call_record_id
),
pstn_buckets AS (
  -- each PSTN row under its own 2-minute bucket and both neighbours, so a session finds every PSTN row
  -- within 2 minutes of it by an equality join on (user, bucket): no per-user cross product, no sort
  SELECT pstn_rid, user_p, start_us, pstn_id, unnest([b - 1, b, b + 1]) AS bucket
  FROM (SELECT pstn_rid, user_p, start_us, pstn_id, start_us // 120000000 AS b FROM staging.stg_pstn_calls)
),
pstn_pick AS (
  -- Calling Plan / Operator Connect: the same user's PSTN row starting closest to the session, within 2
  -- minutes (then the lowest PSTN id hash).
  SELECT r.rid AS session_rid, arg_min(p.pstn_rid, int_pick_key(0, abs(p.start_us - r.start_us), p.pstn_id)) AS pstn_rid
  FROM record_pick r
  JOIN pstn_buckets p ON p.user_p = r.user_p AND p.bucket = r.start_us // 120000000
  WHERE abs(p.start_us - r.start_us) <= 120000000
  GROUP BY r.rid
)
SELECT r.rid AS session_rid, k.pstn_rid
FROM record_pick r
LEFT JOIN pstn_pick k ON k.session_rid = r.rid;
