-- Mail cannot speak for the desk: the addresses the desk added to a ticket (their mail counts like
-- the requester's), files that only the desk sees (they came with a mail that became an internal
-- note), and the mark of a mail whose sender failed authentication (the receiving server's
-- Authentication-Results), on the comment made of it and on the record of the mail.
CREATE TABLE ticket_participant (
  ticket_id BIGINT       NOT NULL,
  email     VARCHAR(320) NOT NULL,
  PRIMARY KEY (ticket_id, email),
  CONSTRAINT fk_ticket_participant_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE CASCADE
) ${table_options};

ALTER TABLE ticket_attachment ADD COLUMN internal BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ticket_comment ADD COLUMN unverified_sender VARCHAR(200);
ALTER TABLE mail_message ADD COLUMN auth_failure VARCHAR(200);
