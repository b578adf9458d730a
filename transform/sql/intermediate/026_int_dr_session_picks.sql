-- Which session each Direct Routing leg belongs to, chosen on narrow columns (intermediate/030 joins
-- the rest). A leg joins its call record on correlationId (not unique across legs): it takes the same
-- user's session (any session when the leg names no user) closest in time, then the lowest session id
-- hash.
-- int_pick_key(rank, us, id): one HUGEINT that orders as the tuple (rank, us, hash(id)), for rank 0..3
-- and any us within ±36,000 years of 1970 (bits: rank 2, us 61, hash 64), so a pick's aggregate state is one integer instead
-- of a struct holding text: that state was most of this step's and intermediate/027's memory.
CREATE OR REPLACE TEMP MACRO int_pick_key(rank, us, id) AS
  (rank::HUGEINT << 125) + (least(greatest(us::HUGEINT + 1152921504606846976, 0), 2305843009213693951) << 64) + hash(id)::HUGEINT;

CREATE OR REPLACE TEMP TABLE int_dr_session_picks AS
SELECT d.dr_rid,
       arg_min(u.session_rid, int_pick_key((u.user_p IS DISTINCT FROM d.user_p)::INTEGER, abs(u.start_us - d.attempt_us), u.session_id)) AS session_rid
FROM staging.stg_direct_routing_calls d
JOIN temp.int_user_sessions u ON u.call_record_id = d.correlation_id
GROUP BY d.dr_rid;
