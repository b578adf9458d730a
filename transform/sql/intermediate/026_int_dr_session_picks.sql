-- Which session each Direct Routing leg belongs to, chosen on narrow columns (the marts read the rest
-- by row id). A leg joins its call record on correlationId (not unique across legs): it takes the same
-- user's session (any session when the leg names no user) closest in time. The session's user and app
-- come along (arg_min with the same ordering each, which DuckDB can spill, unlike a struct argument).
CREATE OR REPLACE TABLE intermediate.int_dr_session_picks AS
SELECT c.dr_rid, arg_min(c.session_rid, c.o) AS session_rid, arg_min(c.user_p, c.o) AS session_user_p, arg_min(c.app_id, c.o) AS app_id
FROM (
  SELECT d.dr_rid, u.session_rid, u.user_p, u.app_id,
         (u.user_p IS DISTINCT FROM d.user_p, abs(u.start_us - d.attempt_us), u.session_id) AS o
  FROM staging.stg_direct_routing_calls d
  JOIN intermediate.int_user_sessions u ON u.call_record_id = d.correlation_id
) c
GROUP BY c.dr_rid;
