-- Merge landed Direct Routing, PSTN and sign-in rows: upsert on the row id (the newest copy wins).
INSERT OR REPLACE INTO raw.direct_routing_calls SELECT * FROM land.direct_routing_calls;
INSERT OR REPLACE INTO raw.pstn_calls SELECT * FROM land.pstn_calls;
INSERT OR REPLACE INTO raw.sign_ins SELECT * FROM land.sign_ins;
DELETE FROM land.direct_routing_calls;
DELETE FROM land.pstn_calls;
DELETE FROM land.sign_ins;
