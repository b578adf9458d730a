-- Merge landed vault entries: a known pseudonym keeps its sealed value and widens its seen range.
INSERT INTO vault.euii SELECT * FROM land.vault
ON CONFLICT (pseudonym) DO UPDATE SET
  first_seen = least(vault.euii.first_seen, excluded.first_seen),
  last_seen = greatest(vault.euii.last_seen, excluded.last_seen);
DELETE FROM land.vault;
