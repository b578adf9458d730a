-- The failing attempts of each element in the window (spliced in for __ELEMENT_HITS__ by patternQueries.ts, so
-- element_users.sql and element_mix.sql count the same failures). A failure counts for the first element (in
-- rank order) it falls in, as in the engine, where an element holds only the leaves no earlier element holds.
WITH excluded AS (SELECT unnest(string_split($excluded, chr(10))) AS user_p),
fails AS (
  SELECT * FROM marts.setup_attempts
  WHERE attempt_ts >= $from::TIMESTAMPTZ AND attempt_ts < $to::TIMESTAMPTZ AND __FAILURE__
    AND coalesce(user_p, '') NOT IN (SELECT user_p FROM excluded)
),
hits AS (
  SELECT e.el, f.user_p, f.attempt_ts, f.final_sip_code, f.ms_code, f.layer, f.failure_origin
  FROM (SELECT *, row_number() OVER () AS fid FROM fails) f JOIN patterns_elements e ON
    (e.site IS NULL OR coalesce(f.site, 'unknown') = e.site OR starts_with(f.site, e.site || '/'))
    AND (e.sbc IS NULL OR coalesce(f.sbc, 'unknown') = e.sbc)
    AND (e.client_build IS NULL OR coalesce(f.client_build, 'unknown') = e.client_build OR starts_with(f.client_build, e.client_build || '/'))
    AND (e.carrier_path IS NULL OR coalesce(f.carrier_path, 'unknown') = e.carrier_path OR starts_with(f.carrier_path, e.carrier_path || '/'))
  QUALIFY e.el = min(e.el) OVER (PARTITION BY f.fid)
)
