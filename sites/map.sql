-- Site mapping macros (idempotent: run by installSiteMacros() in sites/mapEndpoints.ts).
-- Text → integer address parsing (the inet extension cannot be installed) and the set-based mapping
-- sites.map_endpoints('<relation>') over a relation with columns key, day DATE, subnet VARCHAR, ip_prefix VARCHAR.
-- Unparseable text gives NULL (and so no match).

CREATE OR REPLACE MACRO sites._ipv4_parts(p) AS CASE WHEN len(p) = 4 THEN
  (p[1]::UBIGINT << 24) | (p[2]::UBIGINT << 16) | (p[3]::UBIGINT << 8) | p[4]::UBIGINT END;

-- Dotted quad → UBIGINT (< 2^32); NULL unless four numbers 0-255 (one list cast: cheaper than four casts).
CREATE OR REPLACE MACRO sites.ipv4_int(s) AS sites._ipv4_parts(try_cast(string_split(s, '.') AS UTINYINT[]));

-- IPv6 text (lower case, trimmed) with '::' expanded to the full 8 groups; split on ':' to get them.
-- Macro arguments are substituted textually, so callers pass a column, not an expression. No dotted IPv4 tail.
CREATE OR REPLACE MACRO sites._v6_padded(s) AS
  CASE WHEN starts_with(s, '::') THEN '0' ELSE '' END || s || CASE WHEN ends_with(s, '::') THEN '0' ELSE '' END;
CREATE OR REPLACE MACRO sites._v6_expand(p) AS CASE WHEN contains(p, '::')
  THEN replace(p, '::', ':' || repeat('0:', greatest(0, 8 - (length(p) - length(replace(p, ':', ''))))::BIGINT)) ELSE p END;

-- A 64-bit word from 8 hex groups g (o = 0: top, o = 4: low).
CREATE OR REPLACE MACRO sites._v6_word(g, o) AS CASE WHEN len(g) = 8 THEN
  (try_cast('0x' || g[o + 1] AS USMALLINT)::UBIGINT << 48) | (try_cast('0x' || g[o + 2] AS USMALLINT)::UBIGINT << 32)
  | (try_cast('0x' || g[o + 3] AS USMALLINT)::UBIGINT << 16) | try_cast('0x' || g[o + 4] AS USMALLINT)::UBIGINT END;

-- Match endpoints to building-file rows with the file in force on each row's day:
--   1. 'subnet'  : the reported subnet equals a network address (CQD's method; the longest prefix among
--                  rows sharing that address);
--   2. 'ip_range': else the most specific network containing ip_prefix (an ASOF join on sites.segments);
--      'vpn'     : the same, when that network is a VPN row;
--   3. 'none'    : no row matched.
-- ip_prefix is the endpoint address truncated to its IPv4 /28 or IPv6 /64 (full addresses are EUII and
-- not stored), so containment only sees networks of /28 (IPv4) or /64 (IPv6) and shorter; longer rows,
-- e.g. VPN /32 rows, match by exact subnet only. `key` must be unique in the source.
-- Output: key, site_file_id, site_line (the matched sites.networks row), site_match: integers and one
-- short label, so matching millions of endpoints writes little; sites.map_endpoints adds the names.
-- Speed: IPv4 text is split once and cast (integer casts ignore surrounding blanks; hex casts take either
-- case), so only IPv6 text is trimmed and expanded. (Partitioning the ASOF join finer, by the top bits of
-- the address, made it three times slower in DuckDB 1.5.)
-- The parse stage of matching: each row's subnet as (s_fam, s_hi, s_lo) and ip_prefix as (p_fam, p_key), in the
-- layout of sites.networks (IPv4 -> (address, 0); IPv6 -> top and low 64 bits); NULL where the text does not parse.
CREATE OR REPLACE MACRO sites.parse_endpoints(src) AS TABLE
WITH split AS (
  -- IPv4 text straight to an integer; IPv6 text (rare) trimmed, lower-cased and padded here, expanded to
  -- its 8 groups in the next step (staged so no text expression is evaluated twice)
  SELECT key, day, subnet, ip_prefix,
         contains(subnet, ':') AS s6, contains(ip_prefix, ':') AS p6,
         sites.ipv4_int(subnet) AS s_v4,        -- NULL for IPv6 text; not inside a CASE, which makes it 4x dearer
         sites.ipv4_int(ip_prefix) AS p_v4,
         CASE WHEN contains(subnet, ':') THEN sites._v6_padded(lower(trim(subnet))) END AS s_t6,
         CASE WHEN contains(ip_prefix, ':') THEN sites._v6_padded(lower(trim(ip_prefix))) END AS p_t6
  FROM query_table(src)
),
groups AS (
  SELECT *, string_split(sites._v6_expand(s_t6), ':') AS s_g6, string_split(sites._v6_expand(p_t6), ':') AS p_g6
  FROM split
)
SELECT key, day,
       CASE WHEN s6 THEN 6 WHEN subnet IS NOT NULL THEN 4 END::UTINYINT AS s_fam,
       CASE WHEN s6 THEN sites._v6_word(s_g6, 0) ELSE s_v4 END AS s_hi,
       CASE WHEN s6 THEN sites._v6_word(s_g6, 4) ELSE 0::UBIGINT END AS s_lo,
       CASE WHEN p6 THEN 6 WHEN ip_prefix IS NOT NULL THEN 4 END::UTINYINT AS p_fam,
       CASE WHEN p6 THEN sites._v6_word(p_g6, 0) ELSE p_v4 END AS p_key
FROM groups;

CREATE OR REPLACE MACRO sites.match_endpoints(src) AS TABLE
WITH ep AS (SELECT * FROM sites.parse_endpoints(src)),
day_file AS (
  SELECT d.day, max(f.file_id) AS file_id
  FROM (SELECT DISTINCT day FROM query_table(src)) d
  JOIN sites.files f ON d.day >= f.start_date AND (f.end_date IS NULL OR d.day <= f.end_date)
  GROUP BY d.day
),
exact AS (
  SELECT file_id, family, start_hi, start_lo, arg_max(line, prefix) AS line
  FROM sites.networks GROUP BY file_id, family, start_hi, start_lo
),
segs AS (
  SELECT s.file_id, s.family, s.seg_start, s.seg_end, s.line, n.vpn
  FROM sites.segments s JOIN sites.networks n USING (file_id, line)
),
with_exact AS (
  -- rows matched exactly skip the containment search (a NULL family joins nothing)
  SELECT ep.key, CASE WHEN x.line IS NULL THEN ep.p_fam END AS p_fam, ep.p_key, df.file_id, x.line AS exact_line
  FROM ep
  LEFT JOIN day_file df ON df.day = ep.day
  LEFT JOIN exact x ON x.file_id = df.file_id AND x.family = ep.s_fam AND x.start_hi = ep.s_hi AND x.start_lo = ep.s_lo
)
SELECT key, file_id AS site_file_id, coalesce(exact_line, range_line) AS site_line,
       CASE WHEN exact_line IS NOT NULL THEN 'subnet' WHEN range_line IS NULL THEN 'none' WHEN range_vpn THEN 'vpn' ELSE 'ip_range' END AS site_match
FROM (
  SELECT e.key, e.file_id, e.exact_line,
         CASE WHEN e.p_key <= p.seg_end THEN p.line END AS range_line,
         CASE WHEN e.p_key <= p.seg_end THEN p.vpn END AS range_vpn
  FROM with_exact e
  ASOF LEFT JOIN segs p ON p.file_id = e.file_id AND p.family = e.p_fam AND e.p_key >= p.seg_start
);

-- Map endpoints to sites: sites.match_endpoints plus the matched row's names.
--   site 'unmapped:<subnet>' ('unmapped:unknown' without a subnet) when nothing matched.
CREATE OR REPLACE MACRO sites.map_endpoints(src) AS TABLE
SELECT m.key,
       coalesce(n.site, 'unmapped:' || coalesce(nullif(trim(r.subnet), ''), 'unknown')) AS site,
       n.region AS site_region,
       n.country AS site_country,
       n.building_name AS site_building,
       nullif(trim(r.subnet), '') AS site_subnet,
       CASE WHEN n.line IS NOT NULL THEN n.network || '/' || n.prefix END AS site_network,
       m.site_match,
       m.site_file_id,
       n.inside_corp AS site_inside_corp
FROM sites.match_endpoints(src) m
JOIN query_table(src) r USING (key)
LEFT JOIN sites.networks n ON n.file_id = m.site_file_id AND n.line = m.site_line;
