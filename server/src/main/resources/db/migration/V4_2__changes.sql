-- Change requests (CHG-n) with their CIs, approvals, conflicts and status history, and the
-- substitutes approvers name for their absence.
CREATE SEQUENCE change_request_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE change_approval_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE change_history_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE approver_substitute_seq START WITH 1 INCREMENT BY 50;
-- Human change numbers; uncached like the ticket numbers, so that a restart skips none.
CREATE SEQUENCE change_number START WITH 1 INCREMENT BY 1 NOCACHE;

CREATE TABLE change_request (
  id                  BIGINT       NOT NULL PRIMARY KEY,
  change_key          VARCHAR(24)  NOT NULL,
  type                VARCHAR(20)  NOT NULL,
  title               VARCHAR(300) NOT NULL,
  description         ${text},
  status              VARCHAR(20)  NOT NULL,
  status_reason       VARCHAR(2000),
  risk                VARCHAR(10)  NOT NULL,
  planned_start       ${timestamp} NOT NULL,
  planned_end         ${timestamp} NOT NULL,
  implementation_plan ${text},
  backout_plan        ${text},
  requester           VARCHAR(64)  NOT NULL,
  implementer         VARCHAR(64),
  created_at          ${timestamp} NOT NULL,
  updated_at          ${timestamp} NOT NULL,
  version             BIGINT       NOT NULL,
  CONSTRAINT uk_change_key UNIQUE (change_key)
) ${table_options};
CREATE INDEX ix_change_status ON change_request (status);
CREATE INDEX ix_change_window ON change_request (planned_start, planned_end);

CREATE TABLE change_ci (
  change_id BIGINT NOT NULL,
  ci_id     BIGINT NOT NULL,
  PRIMARY KEY (change_id, ci_id),
  CONSTRAINT fk_change_ci_change FOREIGN KEY (change_id) REFERENCES change_request (id) ON DELETE CASCADE,
  CONSTRAINT fk_change_ci_ci FOREIGN KEY (ci_id) REFERENCES configuration_item (id)
) ${table_options};
CREATE INDEX ix_change_ci_ci ON change_ci (ci_id);

CREATE TABLE change_conflict (
  change_id BIGINT        NOT NULL,
  position  INT           NOT NULL,
  kind      VARCHAR(16)   NOT NULL,
  ref       VARCHAR(200)  NOT NULL,
  reason    VARCHAR(1000) NOT NULL,
  PRIMARY KEY (change_id, position),
  CONSTRAINT fk_change_conflict_change FOREIGN KEY (change_id) REFERENCES change_request (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE change_approval (
  id           BIGINT        NOT NULL PRIMARY KEY,
  change_id    BIGINT        NOT NULL,
  approver     VARCHAR(64)   NOT NULL,
  on_behalf_of VARCHAR(64),
  decision     VARCHAR(10)   NOT NULL,
  comment      VARCHAR(4000),
  decided_at   ${timestamp}  NOT NULL,
  CONSTRAINT fk_change_approval_change FOREIGN KEY (change_id) REFERENCES change_request (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_change_approval_change ON change_approval (change_id);

CREATE TABLE change_history (
  id         BIGINT        NOT NULL PRIMARY KEY,
  change_id  BIGINT        NOT NULL,
  actor      VARCHAR(64)   NOT NULL,
  changed_at ${timestamp}  NOT NULL,
  field      VARCHAR(64)   NOT NULL,
  old_value  VARCHAR(2000),
  new_value  VARCHAR(2000),
  CONSTRAINT fk_change_history_change FOREIGN KEY (change_id) REFERENCES change_request (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_change_history_change ON change_history (change_id);

CREATE TABLE approver_substitute (
  id          BIGINT       NOT NULL PRIMARY KEY,
  approver    VARCHAR(64)  NOT NULL,
  substitute  VARCHAR(64)  NOT NULL,
  valid_from  ${timestamp} NOT NULL,
  valid_until ${timestamp} NOT NULL,
  created_at  ${timestamp} NOT NULL
) ${table_options};
CREATE INDEX ix_approver_substitute ON approver_substitute (approver, valid_until);
