-- Synthetic endpoints for bench/sites-map.ts: N rows (parameter n) over 28 days. 85% fall inside a random network of
-- file 1 (address drawn uniformly in it), 15% anywhere in IPv4. ip_prefix = the /28 (IPv4) or /64 (IPv6)
-- network of the address; subnet = 40%: the network's own address (exact match), else the address's /24
-- (IPv4) or its /64 (IPv6), which may or may not be a building network.
CREATE OR REPLACE TEMP TABLE bench_nets AS
SELECT (row_number() OVER (ORDER BY line) - 1)::UBIGINT AS rn, family, network, start_hi, end_hi - start_hi + 1 AS span
FROM sites.networks WHERE file_id = 1 AND prefix <= CASE family WHEN 4 THEN 28 ELSE 64 END;

CREATE OR REPLACE TABLE main.bench_endpoints AS
WITH r AS (
  SELECT i, hash(i, 'net') % (SELECT count(*) FROM bench_nets)::UBIGINT AS pick, hash(i, 'addr') AS h2, hash(i, 'mix') AS h3
  FROM range(getvariable('bench_n')) t(i)
),
picked AS (
  SELECT r.i, r.h3,
         CASE WHEN r.h3 % 100 < 15 THEN 4 ELSE n.family END AS family,
         CASE WHEN r.h3 % 100 < 15 THEN NULL ELSE n.network END AS network,
         CASE WHEN r.h3 % 100 < 15 THEN r.h2 % 4294967296 ELSE n.start_hi + r.h2 % n.span END AS addr
  FROM r JOIN bench_nets n ON n.rn = r.pick
),
texts AS (
  SELECT i, h3, family, network,
         CASE family WHEN 4 THEN concat_ws('.', addr >> 24, (addr >> 16) & 255, (addr >> 8) & 255, addr & 240)
              ELSE printf('%x:%x:%x:%x::', addr >> 48, (addr >> 32) & 65535, (addr >> 16) & 65535, addr & 65535) END AS ip_prefix,
         CASE family WHEN 4 THEN concat_ws('.', addr >> 24, (addr >> 16) & 255, (addr >> 8) & 255, 0) END AS slash24
  FROM picked
)
SELECT i AS key,
       DATE '2026-02-01' + (h3 % 28)::INTEGER AS day,
       CASE WHEN (h3 >> 8) % 100 < 40 AND network IS NOT NULL THEN network ELSE coalesce(slash24, ip_prefix) END AS subnet,
       ip_prefix
FROM texts;

DROP TABLE bench_nets;
