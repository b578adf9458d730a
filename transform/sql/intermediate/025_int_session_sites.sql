-- Site of each distinct (day, subnet, ip_prefix) user sessions came from, with the building file in
-- force that day. Sessions join it on those three columns (NULLs match NULLs).
CREATE OR REPLACE TEMP TABLE int_session_sites AS
SELECT
  e.day,
  e.subnet,
  e.ip_prefix,
  s.site,
  s.site_region,
  s.site_country,
  s.site_building,
  coalesce(s.site_subnet, e.subnet) AS site_subnet,
  s.site_match
FROM temp.int_session_endpoints e
JOIN temp.int_endpoint_sites s ON s.key = e.key;

-- Each user session with the row id of its site in temp.int_session_sites (the marts read the
-- site there); the columns the attempts take from a session.
CREATE OR REPLACE TEMP VIEW int_user_session_sites AS
SELECT u.session_rid, u.call_record_id, u.start_ts, u.start_us, u.user_p, u.app_id, u.failure_stage, u.reason_sip_code,
       u.callee_phone_country, u.is_sip_device, u.client_family, u.client_platform, u.client_version, s.rowid AS site_rid
FROM temp.int_user_sessions u
LEFT JOIN temp.int_session_sites s
  ON s.day = u.day AND s.subnet IS NOT DISTINCT FROM u.subnet AND s.ip_prefix IS NOT DISTINCT FROM u.ip_prefix;
