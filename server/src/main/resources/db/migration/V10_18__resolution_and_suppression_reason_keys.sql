-- Beacon's own resolution of an incident (its alarm cleared), the reason correlation gives for
-- holding an alarm back, and why a change conflicts with other work are kept as a message key with
-- arguments beside their English text, like V10_13's texts, so that each reader sees them in their
-- language. Older rows keep only the English.
ALTER TABLE ticket ADD COLUMN resolution_key VARCHAR(100);
ALTER TABLE ticket ADD COLUMN resolution_args ${text};
ALTER TABLE alarm ADD COLUMN suppression_reason_key VARCHAR(100);
ALTER TABLE alarm ADD COLUMN suppression_reason_args ${text};
ALTER TABLE change_conflict ADD COLUMN reason_key VARCHAR(100);
ALTER TABLE change_conflict ADD COLUMN reason_args ${text};
