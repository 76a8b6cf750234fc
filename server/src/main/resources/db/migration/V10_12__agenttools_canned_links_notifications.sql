-- The agent's daily tools: canned responses, links between tickets (and the merge of a duplicate
-- into its survivor), and notifications (an agent @mentioned in an internal note).
CREATE SEQUENCE canned_response_seq START WITH 1 INCREMENT BY 50 ${id_cache};
CREATE TABLE canned_response (
  id            BIGINT       NOT NULL PRIMARY KEY,
  name          VARCHAR(100) NOT NULL,
  group_id      BIGINT,
  body_ko       ${text},
  body_en       ${text},
  set_status    VARCHAR(20),
  set_group_id  BIGINT,
  updated_by    VARCHAR(64)  NOT NULL,
  updated_at    ${timestamp} NOT NULL,
  version       BIGINT       NOT NULL,
  CONSTRAINT uk_canned_response_name UNIQUE (name),
  CONSTRAINT fk_canned_response_group FOREIGN KEY (group_id) REFERENCES user_group (id),
  CONSTRAINT fk_canned_response_set_group FOREIGN KEY (set_group_id) REFERENCES user_group (id)
) ${table_options};

CREATE SEQUENCE ticket_link_seq START WITH 1 INCREMENT BY 50 ${id_cache};
CREATE TABLE ticket_link (
  id         BIGINT       NOT NULL PRIMARY KEY,
  source_id  BIGINT       NOT NULL,
  target_id  BIGINT       NOT NULL,
  kind       VARCHAR(20)  NOT NULL,
  created_by VARCHAR(64)  NOT NULL,
  created_at ${timestamp} NOT NULL,
  CONSTRAINT uk_ticket_link UNIQUE (source_id, target_id, kind),
  CONSTRAINT fk_ticket_link_source FOREIGN KEY (source_id) REFERENCES ticket (id) ON DELETE CASCADE,
  CONSTRAINT fk_ticket_link_target FOREIGN KEY (target_id) REFERENCES ticket (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_ticket_link_target ON ticket_link (target_id);

-- A duplicate merged into its survivor: mail answering the duplicate's key threads onto the survivor.
ALTER TABLE ticket ADD COLUMN merged_into_id BIGINT;

CREATE SEQUENCE notification_seq START WITH 1 INCREMENT BY 50 ${id_cache};
CREATE TABLE notification (
  id          BIGINT       NOT NULL PRIMARY KEY,
  recipient   VARCHAR(64)  NOT NULL,
  kind        VARCHAR(20)  NOT NULL,
  actor       VARCHAR(64)  NOT NULL,
  ticket_id   BIGINT,
  ticket_key  VARCHAR(24),
  ticket_title VARCHAR(300),
  excerpt     VARCHAR(300),
  created_at  ${timestamp} NOT NULL,
  read_at     ${timestamp},
  CONSTRAINT fk_notification_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_notification_recipient ON notification (recipient, created_at);
