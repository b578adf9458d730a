-- Merge landed Direct Routing, PSTN and sign-in rows (one batch, loaded with _seq): upsert on the row id,
-- the last copy in the batch winning, so that an id is stored once.
DELETE FROM land.direct_routing_calls l
WHERE EXISTS (SELECT 1 FROM land.direct_routing_calls o WHERE o.id = l.id AND o._seq > l._seq);
DELETE FROM land.pstn_calls l
WHERE EXISTS (SELECT 1 FROM land.pstn_calls o WHERE o.id = l.id AND o._seq > l._seq);
DELETE FROM land.sign_ins l
WHERE EXISTS (SELECT 1 FROM land.sign_ins o WHERE o.id = l.id AND o._seq > l._seq);
DELETE FROM raw.direct_routing_calls WHERE id IN (SELECT id FROM land.direct_routing_calls);
DELETE FROM raw.pstn_calls WHERE id IN (SELECT id FROM land.pstn_calls);
DELETE FROM raw.sign_ins WHERE id IN (SELECT id FROM land.sign_ins);
INSERT INTO raw.direct_routing_calls SELECT * EXCLUDE (_seq) FROM land.direct_routing_calls;
INSERT INTO raw.pstn_calls SELECT * EXCLUDE (_seq) FROM land.pstn_calls;
INSERT INTO raw.sign_ins SELECT * EXCLUDE (_seq) FROM land.sign_ins;
DELETE FROM land.direct_routing_calls;
DELETE FROM land.pstn_calls;
DELETE FROM land.sign_ins;
