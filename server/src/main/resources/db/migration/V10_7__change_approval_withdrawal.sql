-- Four eyes across edits: an edit of what was approved withdraws the decisions given so far (they stay
-- on record, marked with when they were withdrawn) and approval starts again.
ALTER TABLE change_approval ADD COLUMN withdrawn_at ${timestamp};
