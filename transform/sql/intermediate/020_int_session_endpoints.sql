-- The distinct networks user sessions came from, per day, in the shape the site mapping reads
-- (sites/map.sql: key, day, subnet, ip_prefix). Mapping each distinct (day, subnet, ip_prefix) once
-- instead of every session keeps the mapping small: a tenant has far fewer networks than calls.
-- transform/build.ts maps it into temp.int_endpoint_sites.
CREATE OR REPLACE TEMP TABLE int_session_endpoints AS
SELECT row_number() OVER () AS key, day, subnet, ip_prefix
FROM (SELECT DISTINCT day, subnet, ip_prefix FROM temp.int_user_sessions);
