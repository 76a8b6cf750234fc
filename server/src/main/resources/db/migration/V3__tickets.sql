-- Tickets with their CI links, comments, attachments and audit history.
CREATE SEQUENCE ticket_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE ticket_comment_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE ticket_attachment_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE ticket_history_seq START WITH 1 INCREMENT BY 50;
-- Human ticket numbers, one series per type (INC-1, REQ-1, ...); uncached, so that a restart
-- does not skip a thousand numbers (MariaDB caches 1000 by default).
CREATE SEQUENCE ticket_number_incident START WITH 1 INCREMENT BY 1 NOCACHE;
CREATE SEQUENCE ticket_number_service_request START WITH 1 INCREMENT BY 1 NOCACHE;
CREATE SEQUENCE ticket_number_problem START WITH 1 INCREMENT BY 1 NOCACHE;

CREATE TABLE ticket (
  id                  BIGINT       NOT NULL PRIMARY KEY,
  ticket_key          VARCHAR(24)  NOT NULL,
  type                VARCHAR(20)  NOT NULL,
  title               VARCHAR(300) NOT NULL,
  description         ${text},
  status              VARCHAR(20)  NOT NULL,
  impact              VARCHAR(10)  NOT NULL,
  urgency             VARCHAR(10)  NOT NULL,
  priority            VARCHAR(2)   NOT NULL,
  priority_overridden BOOLEAN      NOT NULL,
  requester_id        BIGINT,
  assignment_group_id BIGINT,
  assignee_id         BIGINT,
  resolution          VARCHAR(4000),
  created_by          VARCHAR(64)  NOT NULL,
  created_at          ${timestamp} NOT NULL,
  updated_at          ${timestamp} NOT NULL,
  resolved_at         ${timestamp},
  closed_at           ${timestamp},
  version             BIGINT       NOT NULL,
  CONSTRAINT uk_ticket_key UNIQUE (ticket_key),
  CONSTRAINT fk_ticket_requester FOREIGN KEY (requester_id) REFERENCES app_user (id),
  CONSTRAINT fk_ticket_group FOREIGN KEY (assignment_group_id) REFERENCES user_group (id),
  CONSTRAINT fk_ticket_assignee FOREIGN KEY (assignee_id) REFERENCES app_user (id)
) ${table_options};
CREATE INDEX ix_ticket_status ON ticket (status, type);
CREATE INDEX ix_ticket_priority ON ticket (priority);
CREATE INDEX ix_ticket_assignee ON ticket (assignee_id);
CREATE INDEX ix_ticket_group ON ticket (assignment_group_id);
CREATE INDEX ix_ticket_requester ON ticket (requester_id);
CREATE INDEX ix_ticket_created ON ticket (created_at);

CREATE TABLE ticket_ci (
  ticket_id BIGINT NOT NULL,
  ci_id     BIGINT NOT NULL,
  PRIMARY KEY (ticket_id, ci_id),
  CONSTRAINT fk_ticket_ci_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE CASCADE,
  CONSTRAINT fk_ticket_ci_ci FOREIGN KEY (ci_id) REFERENCES configuration_item (id)
) ${table_options};
CREATE INDEX ix_ticket_ci_ci ON ticket_ci (ci_id);

CREATE TABLE ticket_comment (
  id         BIGINT       NOT NULL PRIMARY KEY,
  ticket_id  BIGINT       NOT NULL,
  author     VARCHAR(64)  NOT NULL,
  body       ${text}      NOT NULL,
  internal   BOOLEAN      NOT NULL,
  channel    VARCHAR(16)  NOT NULL,
  created_at ${timestamp} NOT NULL,
  CONSTRAINT fk_ticket_comment_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_ticket_comment_ticket ON ticket_comment (ticket_id);

CREATE TABLE ticket_attachment (
  id           BIGINT       NOT NULL PRIMARY KEY,
  ticket_id    BIGINT       NOT NULL,
  file_name    VARCHAR(255) NOT NULL,
  content_type VARCHAR(150) NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  sha256       VARCHAR(64)  NOT NULL,
  uploaded_by  VARCHAR(64)  NOT NULL,
  created_at   ${timestamp} NOT NULL,
  CONSTRAINT fk_ticket_attachment_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_ticket_attachment_ticket ON ticket_attachment (ticket_id);

-- Content apart from the metadata, so that listing a ticket never loads file bodies.
CREATE TABLE ticket_attachment_content (
  attachment_id BIGINT  NOT NULL PRIMARY KEY,
  content       ${blob} NOT NULL,
  CONSTRAINT fk_attachment_content FOREIGN KEY (attachment_id) REFERENCES ticket_attachment (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE ticket_history (
  id         BIGINT        NOT NULL PRIMARY KEY,
  ticket_id  BIGINT        NOT NULL,
  actor      VARCHAR(64)   NOT NULL,
  changed_at ${timestamp}  NOT NULL,
  field      VARCHAR(64)   NOT NULL,
  old_value  VARCHAR(2000),
  new_value  VARCHAR(2000),
  CONSTRAINT fk_ticket_history_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_ticket_history_ticket ON ticket_history (ticket_id);
