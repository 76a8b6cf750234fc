-- Change management in the console: a test plan beside the implementation and backout plans, the outcome
-- recorded when a change closes (successful, failed, backed_out), the template a standard change came from,
-- and the catalogue of pre-approved standard-change templates.
ALTER TABLE change_request ADD COLUMN test_plan ${text};
ALTER TABLE change_request ADD COLUMN outcome VARCHAR(20);
ALTER TABLE change_request ADD COLUMN template_id BIGINT;

CREATE SEQUENCE change_template_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE change_template (
  id                  BIGINT       NOT NULL PRIMARY KEY,
  name                VARCHAR(200) NOT NULL,
  description         ${text},
  risk                VARCHAR(10)  NOT NULL,
  implementation_plan ${text},
  backout_plan        ${text},
  test_plan           ${text},
  created_by          VARCHAR(64)  NOT NULL,
  created_at          ${timestamp} NOT NULL,
  updated_at          ${timestamp} NOT NULL,
  version             BIGINT       NOT NULL,
  CONSTRAINT uk_change_template_name UNIQUE (name)
) ${table_options};

CREATE TABLE change_template_ci (
  template_id BIGINT NOT NULL,
  ci_id       BIGINT NOT NULL,
  PRIMARY KEY (template_id, ci_id),
  CONSTRAINT fk_change_template_ci_template FOREIGN KEY (template_id) REFERENCES change_template (id) ON DELETE CASCADE,
  CONSTRAINT fk_change_template_ci_ci FOREIGN KEY (ci_id) REFERENCES configuration_item (id) ON DELETE CASCADE
) ${table_options};
