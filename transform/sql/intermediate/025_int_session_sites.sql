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

-- The join side of a session's site: the network's key columns and the row id the marts read the site
-- by (intermediate/030 joins sessions to it after picking them).
CREATE OR REPLACE TEMP VIEW int_session_site_keys AS
SELECT rowid AS site_rid, day, subnet, ip_prefix FROM temp.int_session_sites;
