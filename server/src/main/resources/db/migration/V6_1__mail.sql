-- The mail channel: Message-IDs seen and sent (exactly-once intake, threading), the outbox of
-- mails owed, and the administrators' notification templates.
CREATE SEQUENCE mail_message_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE mail_outbox_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE mail_template_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE mail_message (
  id          BIGINT       NOT NULL PRIMARY KEY,
  message_id  VARCHAR(400) NOT NULL,
  direction   VARCHAR(8)   NOT NULL,
  ticket_id   BIGINT,
  outcome     VARCHAR(32)  NOT NULL,
  sender      VARCHAR(320),
  subject     VARCHAR(300),
  recorded_at ${timestamp} NOT NULL,
  CONSTRAINT uk_mail_message_id UNIQUE (message_id),
  CONSTRAINT fk_mail_message_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE SET NULL
) ${table_options};
CREATE INDEX ix_mail_message_ticket ON mail_message (ticket_id, recorded_at);

CREATE TABLE mail_outbox (
  id              BIGINT        NOT NULL PRIMARY KEY,
  kind            VARCHAR(32)   NOT NULL,
  ticket_id       BIGINT,
  ticket_key      VARCHAR(24),
  recipient       VARCHAR(320)  NOT NULL,
  subject         VARCHAR(998)  NOT NULL,
  body            ${text}       NOT NULL,
  message_id      VARCHAR(400)  NOT NULL,
  in_reply_to     VARCHAR(400),
  refs            VARCHAR(4000),
  auto_submitted  VARCHAR(20)   NOT NULL,
  status          VARCHAR(12)   NOT NULL,
  attempts        INT           NOT NULL,
  next_attempt_at ${timestamp}  NOT NULL,
  last_error      VARCHAR(1000),
  created_at      ${timestamp}  NOT NULL,
  sent_at         ${timestamp},
  version         BIGINT        NOT NULL,
  CONSTRAINT fk_mail_outbox_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE SET NULL
) ${table_options};
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_created ON mail_outbox (created_at);

CREATE TABLE mail_template (
  id         BIGINT       NOT NULL PRIMARY KEY,
  name       VARCHAR(40)  NOT NULL,
  locale     VARCHAR(8)   NOT NULL,
  subject    VARCHAR(300) NOT NULL,
  body       ${text}      NOT NULL,
  updated_at ${timestamp} NOT NULL,
  updated_by VARCHAR(64)  NOT NULL,
  version    BIGINT       NOT NULL,
  CONSTRAINT uk_mail_template UNIQUE (name, locale)
) ${table_options};
