-- One pattern run with two clusters, over the fixture's injected incident.
INSERT INTO patterns.runs VALUES
  ('run-1', $end::TIMESTAMPTZ, $end::TIMESTAMPTZ - INTERVAL 7 DAY, $end::TIMESTAMPTZ, $end::TIMESTAMPTZ - INTERVAL 35 DAY, 'auth', 'site,sbc,client_build,carrier_path', false, '{}');
INSERT INTO patterns.clusters VALUES
  ('run-1', 1, 'fp-ber-macos', 'EMEA/DE/BER-HQ', NULL, 'teams/macOS/24300.1100.3150.1700', NULL, 120, 300, 40, 0.4, 15.0, 0.05, 250.5, '{"fingerprint":"fp-ber-macos"}'),
  ('run-1', 2, 'fp-sbc1', NULL, 'sbc1.contoso.com', NULL, NULL, 60, 1200, 30, 0.05, 55.0, 0.045, 3.2, '{"fingerprint":"fp-sbc1"}');
