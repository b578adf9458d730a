-- The network of each user session, in the shape the site mapping reads (sites/map.sql):
-- key, day, subnet, ip_prefix. transform/build.ts maps it into intermediate.int_endpoint_sites.
CREATE OR REPLACE VIEW intermediate.int_session_endpoints AS
SELECT
  call_record_id || '|' || session_id AS key,
  CAST(start_ts AT TIME ZONE 'UTC' AS DATE) AS day,
  subnet,
  ip_prefix
FROM intermediate.int_user_sessions;
