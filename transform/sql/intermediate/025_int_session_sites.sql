-- Site of each distinct (day, subnet, ip_prefix) user sessions came from, with the building file in
-- force that day. Sessions join it on those three columns (NULLs match NULLs).
CREATE OR REPLACE TABLE intermediate.int_session_sites AS
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
FROM intermediate.int_session_endpoints e
JOIN intermediate.int_endpoint_sites s ON s.key = e.key;
