-- Which session each Direct Routing leg belongs to, chosen on narrow columns (intermediate/030 joins
-- the rest). A leg joins its call record on correlationId (not unique across legs): it takes the same
-- user's session (any session when the leg names no user) closest in time.
CREATE OR REPLACE TEMP TABLE int_dr_session_picks AS
SELECT d.dr_rid,
       arg_min(u.session_rid, (u.user_p IS DISTINCT FROM d.user_p, abs(u.start_us - d.attempt_us), u.session_id)) AS session_rid
FROM staging.stg_direct_routing_calls d
JOIN temp.int_user_sessions u ON u.call_record_id = d.correlation_id
GROUP BY d.dr_rid;
