-- Seeded marts.setup_attempts for the sql tests, the cookbook and bench/sql-*.ts (columns from the contract).
-- $n rows spread over $days days before $end; 5 % background failures and one injected auth cluster
-- (EMEA/DE/BER-HQ × teams/macOS/24300…: 40 % failures with SIP 401 / 560401).
INSERT INTO marts.setup_attempts
WITH g AS (
  SELECT
    i,
    (hash(i, 1) % 1000)::INTEGER AS r_fail,
    (hash(i, 2) % 5)::INTEGER AS r_site,
    (hash(i, 3) % 4)::INTEGER AS r_sbc,
    (hash(i, 4) % 4)::INTEGER AS r_build,
    (hash(i, 5) % 80)::INTEGER AS r_user_in_site,
    (hash(i, 6) % 10)::INTEGER AS r_src,
    (hash(i, 8) % 4)::INTEGER AS r_code,
    $end::TIMESTAMPTZ - to_seconds((hash(i, 7) % ($days * 86400))::BIGINT) AS ts
  FROM range($n) t(i)
),
d AS (
  SELECT
    *,
    ['EMEA/DE/BER-HQ', 'EMEA/DE/MUC-01', 'EMEA/FR/PAR-02', 'AMER/US/NYC-05', 'unmapped:10.99.1.0'][r_site + 1] AS site,
    ['sbc1.contoso.com', 'sbc2.contoso.com', 'microsoft', 'none'][r_sbc + 1] AS sbc,
    ['teams/windows/24215.1007.3082.1590', 'teams/macOS/24215.1007.3082.1590', 'teams/macOS/24300.1100.3150.1700',
     'sipDevice/Poly VVX 450/6.4.3.5156'][r_build + 1] AS client_build,
    CASE WHEN r_src = 0 THEN 'sign_in' WHEN r_sbc < 2 THEN 'direct_routing' ELSE 'call_record' END AS source
  FROM g
),
f AS (
  SELECT
    *,
    CASE
      WHEN r_site = 0 AND r_build = 2 THEN r_fail < 400
      ELSE r_fail < 50
    END AS failed,
    r_site = 0 AND r_build = 2 AS hot
  FROM d
)
SELECT
  CASE source WHEN 'sign_in' THEN 'si:' WHEN 'direct_routing' THEN 'dr:' ELSE 'cr:' END || i AS attempt_id,
  source,
  ts AS attempt_ts,
  CAST(ts AT TIME ZONE 'UTC' AS DATE) AS day,
  'u_' || substr(md5('user' || (r_site * 80 + r_user_in_site)), 1, 20) AS user_p,
  site,
  CASE WHEN r_site < 4 THEN split_part(site, '/', 1) END AS site_region,
  CASE WHEN r_site < 4 THEN split_part(site, '/', 2) END AS site_country,
  CASE WHEN r_site < 4 THEN split_part(site, '/', 3) END AS site_building,
  '10.' || (r_site + 10) || '.' || (hash(i, 9) % 4) || '.0' AS site_subnet,
  CASE WHEN r_site < 4 THEN 'subnet' ELSE 'none' END AS site_match,
  sbc,
  client_build,
  split_part(client_build, '/', 1) AS client_family,
  split_part(client_build, '/', 2) AS client_platform,
  split_part(client_build, '/', 3) AS client_version,
  CASE WHEN sbc = 'none' OR source = 'sign_in' THEN 'none' WHEN sbc = 'microsoft' THEN 'Microsoft/DE' ELSE sbc || '/DE' END AS carrier_path,
  CASE WHEN sbc = 'none' OR source = 'sign_in' THEN 'none' WHEN sbc = 'microsoft' THEN 'Microsoft' ELSE sbc END AS carrier,
  CASE WHEN sbc = 'none' OR source = 'sign_in' THEN 'unknown' ELSE 'DE' END AS dest_country,
  CASE WHEN r_code = 3 THEN 'inbound' ELSE 'outbound' END AS direction,
  CASE source WHEN 'sign_in' THEN 'sign_in' WHEN 'direct_routing' THEN 'dr_out' ELSE 'user_out' END AS call_type,
  CASE WHEN failed THEN 'failure' ELSE 'success' END AS outcome,
  failed AS is_failure,
  CASE WHEN failed THEN 'callSetup' END AS failure_stage,
  CASE WHEN NOT failed OR source = 'sign_in' THEN NULL WHEN hot OR r_code = 0 THEN 401 WHEN r_code = 1 THEN 403 ELSE 500 END AS final_sip_code,
  CASE WHEN failed AND source = 'direct_routing' THEN (CASE WHEN hot OR r_code = 0 THEN 560401 ELSE 560503 END)::BIGINT END AS ms_code,
  CASE WHEN NOT failed THEN NULL WHEN source = 'sign_in' THEN 'client' WHEN source = 'direct_routing' THEN 'sbc' ELSE 'microsoft' END AS failure_origin,
  CASE WHEN NOT failed THEN NULL WHEN source = 'sign_in' THEN 'client_sign_in' WHEN r_build = 3 THEN 'sip_device'
       WHEN source = 'direct_routing' THEN 'direct_routing' ELSE 'other' END AS layer,
  failed AND (hot OR r_code = 0 OR source = 'sign_in') AS auth_linked,
  CASE WHEN failed AND source = 'sign_in' THEN 50126 END AS sign_in_error_code,
  false AS attributed
FROM f
