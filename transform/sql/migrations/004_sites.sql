-- Buildings and their networks as integer ranges (sites/), from CQD building data files.
-- Versioned in time like CQD: each imported file has a start date and an optional end date; a call is
-- mapped with the file in force on its day (the latest imported file whose period covers the day).
-- Addresses are (hi, lo) UBIGINT pairs: IPv4 → (address, 0); IPv6 → (top 64 bits, low 64 bits).
CREATE SCHEMA IF NOT EXISTS sites;

CREATE TABLE sites.files (
  file_id        INTEGER PRIMARY KEY,
  sha256         VARCHAR NOT NULL,           -- of the file's bytes
  file_name      VARCHAR NOT NULL,           -- base name only
  start_date     DATE NOT NULL,
  end_date       DATE,                       -- last day in force (inclusive); NULL = open-ended
  columns        INTEGER NOT NULL,           -- 15, or 14 for the older form without VPN
  row_count      INTEGER NOT NULL,
  warning_count  INTEGER NOT NULL,
  imported_at    TIMESTAMPTZ NOT NULL
);

-- One row per building-file line.
CREATE TABLE sites.networks (
  file_id        INTEGER NOT NULL,
  line           INTEGER NOT NULL,           -- line in the file (1-based)
  family         UTINYINT NOT NULL,          -- 4 | 6
  network        VARCHAR NOT NULL,           -- canonical address text, no prefix
  prefix         UTINYINT NOT NULL,
  start_hi       UBIGINT NOT NULL,
  start_lo       UBIGINT NOT NULL,
  end_hi         UBIGINT NOT NULL,
  end_lo         UBIGINT NOT NULL,
  network_name   VARCHAR NOT NULL,
  building_name  VARCHAR NOT NULL,
  ownership      VARCHAR NOT NULL,
  building_type  VARCHAR NOT NULL,
  office_type    VARCHAR NOT NULL,
  city           VARCHAR NOT NULL,
  zip            VARCHAR NOT NULL,
  country        VARCHAR NOT NULL,
  state          VARCHAR NOT NULL,
  region         VARCHAR NOT NULL,
  inside_corp    BOOLEAN NOT NULL,
  express_route  BOOLEAN NOT NULL,
  vpn            BOOLEAN NOT NULL,
  site           VARCHAR NOT NULL,           -- '<Region>/<Country>/<BuildingName>'
  PRIMARY KEY (file_id, line)
);

-- Disjoint address segments, each labelled with the most specific network covering it (sites/segments.ts),
-- for containment matching with one ASOF join. Key: the IPv4 address, or the top 64 bits of an IPv6
-- address. Networks longer than /28 (IPv4) or /64 (IPv6) are absent: endpoints are stored only at
-- that granularity, so those networks match by exact subnet only.
CREATE TABLE sites.segments (
  file_id        INTEGER NOT NULL,
  family         UTINYINT NOT NULL,
  seg_start      UBIGINT NOT NULL,
  seg_end        UBIGINT NOT NULL,
  line           INTEGER NOT NULL
);

CREATE VIEW sites.buildings AS
SELECT file_id, site, region, country, state, city, zip, building_name, ownership, building_type, office_type,
       count(*)::INTEGER AS networks, min(line)::INTEGER AS first_line
FROM sites.networks
GROUP BY ALL;

COMMENT ON TABLE sites.files IS 'CQD building data files imported, one row per version; the latest file covering a day is in force on that day';
COMMENT ON TABLE sites.networks IS 'Building-file rows with their network as integer ranges (IPv4 and IPv6)';
COMMENT ON TABLE sites.segments IS 'Networks flattened into disjoint segments labelled with the most specific network, for ASOF containment joins';
COMMENT ON VIEW sites.buildings IS 'Distinct buildings per building file, with their site path and network count';
