-- Text Beacon writes on its own behalf is kept as a message key with named arguments (a flat JSON
-- object of strings) beside its English rendering, so that each reader sees it in their language:
-- an incident's title and description opened from an alarm, and Beacon's notes on a ticket.
ALTER TABLE ticket ADD COLUMN title_key VARCHAR(100);
ALTER TABLE ticket ADD COLUMN title_args ${text};
ALTER TABLE ticket ADD COLUMN description_key VARCHAR(100);
ALTER TABLE ticket ADD COLUMN description_args ${text};
ALTER TABLE ticket_comment ADD COLUMN message_key VARCHAR(100);
ALTER TABLE ticket_comment ADD COLUMN message_args ${text};
