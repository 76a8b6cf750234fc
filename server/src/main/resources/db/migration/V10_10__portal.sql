-- The requester portal: organisations (a requester belongs to one), contacts' phone numbers, a
-- ticket's category, and the requester's rating of each resolution (once per resolution: the
-- resolution is known by its time, so a reopened and resolved-again ticket can be rated again).
CREATE SEQUENCE organisation_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE ticket_rating_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE organisation (
  id         BIGINT       NOT NULL PRIMARY KEY,
  name       VARCHAR(200) NOT NULL,
  created_at ${timestamp} NOT NULL,
  version    BIGINT       NOT NULL,
  CONSTRAINT uk_organisation_name UNIQUE (name)
) ${table_options};

ALTER TABLE app_user ADD COLUMN phone VARCHAR(40);
ALTER TABLE app_user ADD COLUMN organisation_id BIGINT;
ALTER TABLE app_user ADD CONSTRAINT fk_app_user_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id);
CREATE INDEX ix_app_user_organisation ON app_user (organisation_id);

ALTER TABLE ticket ADD COLUMN category VARCHAR(40);

CREATE TABLE ticket_rating (
  id          BIGINT        NOT NULL PRIMARY KEY,
  ticket_id   BIGINT        NOT NULL,
  resolved_at ${timestamp}  NOT NULL,
  score       INT           NOT NULL,
  rating_comment VARCHAR(2000),
  rated_by    VARCHAR(64)   NOT NULL,
  rated_at    ${timestamp}  NOT NULL,
  group_id    BIGINT,
  CONSTRAINT uk_ticket_rating_resolution UNIQUE (ticket_id, resolved_at),
  CONSTRAINT fk_ticket_rating_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_ticket_rating_rated_at ON ticket_rating (rated_at);
