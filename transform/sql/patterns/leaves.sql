-- Leaf rows for the pattern engine (transform/patterns/runPatterns.ts): attempts and failures per full combination
-- of the four dimensions, in the window [$from, $to) and in the baseline [$baseline_from, $from).
-- __FAILURE__ is replaced by the whitelisted failure predicate (transform/patterns/failurePredicate.ts);
-- everything else is bound. $excluded: newline-separated user pseudonyms left out (single-user problems).
-- Grouping on one 64-bit hash of the four values is ~10x faster than on four strings; two leaves would merge only on
-- a hash collision (probability ~ leaves² / 2^65, about 1e-8 for a million leaves).
-- The leaves come back as ONE text value (fields separated by chr(31), rows by chr(30)): turning 100k rows x 8 columns
-- into JS values one by one costs seconds, one string costs milliseconds. Parsed and checked in patternQueries.ts.
WITH excluded AS (SELECT unnest(string_split($excluded, chr(10))) AS user_p),
leaves AS (
SELECT
  any_value(coalesce(site, 'unknown')) AS site,
  any_value(coalesce(sbc, 'unknown')) AS sbc,
  any_value(coalesce(client_build, 'unknown')) AS client_build,
  any_value(coalesce(carrier_path, 'unknown')) AS carrier_path,
  count(*) FILTER (WHERE attempt_ts >= $from::TIMESTAMPTZ)::DOUBLE AS attempts,
  count(*) FILTER (WHERE attempt_ts >= $from::TIMESTAMPTZ AND __FAILURE__)::DOUBLE AS failures,
  count(*) FILTER (WHERE attempt_ts < $from::TIMESTAMPTZ)::DOUBLE AS baseline_attempts,
  count(*) FILTER (WHERE attempt_ts < $from::TIMESTAMPTZ AND __FAILURE__)::DOUBLE AS baseline_failures
FROM marts.setup_attempts
WHERE attempt_ts >= $baseline_from::TIMESTAMPTZ AND attempt_ts < $to::TIMESTAMPTZ
  AND coalesce(user_p, '') NOT IN (SELECT user_p FROM excluded)
GROUP BY hash(site, sbc, client_build, carrier_path)
)
SELECT
  count(*)::INTEGER AS n,
  coalesce(string_agg(concat_ws(chr(31), site, sbc, client_build, carrier_path, attempts::BIGINT, failures::BIGINT,
    baseline_attempts::BIGINT, baseline_failures::BIGINT), chr(30) ORDER BY site, sbc, client_build, carrier_path), '') AS blob
FROM leaves
