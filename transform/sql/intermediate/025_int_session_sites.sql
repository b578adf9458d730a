-- Site of each user session, from the building file in force on the session's day.
CREATE OR REPLACE TABLE intermediate.int_session_sites AS
SELECT
  u.call_record_id,
  u.session_id,
  e.site,
  e.site_region,
  e.site_country,
  e.site_building,
  coalesce(e.site_subnet, u.subnet) AS site_subnet,
  e.site_match
FROM intermediate.int_user_sessions u
JOIN intermediate.int_endpoint_sites e ON e.key = u.call_record_id || '|' || u.session_id;
