-- The elements (candidate clusters) of one run, for the per-element queries; a NULL dimension is "any value",
-- a value matches itself and every path below it ('EMEA/DE' matches 'EMEA/DE/BER').
CREATE OR REPLACE TEMP TABLE patterns_elements (
  el INTEGER, site VARCHAR, sbc VARCHAR, client_build VARCHAR, carrier_path VARCHAR
);
