-- Monitoring events (every accepted trap, alert and API event) and the alarms they reduce into.
-- Sequences step by 500: the single ingest writer inserts thousands of rows per second.
CREATE SEQUENCE alarm_seq START WITH 1 INCREMENT BY 500;
CREATE SEQUENCE event_seq START WITH 1 INCREMENT BY 500;

CREATE TABLE alarm (
  id                  BIGINT        NOT NULL PRIMARY KEY,
  reduction_key       VARCHAR(500)  NOT NULL,
  name                VARCHAR(200)  NOT NULL,
  severity            VARCHAR(16)   NOT NULL,
  problem_severity    VARCHAR(16)   NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  source              VARCHAR(16)   NOT NULL,
  ci_id               BIGINT,
  ci_name             VARCHAR(200),
  source_address      VARCHAR(64),
  message             VARCHAR(2000),
  event_count         BIGINT        NOT NULL,
  first_seen          ${timestamp}  NOT NULL,
  last_seen           ${timestamp}  NOT NULL,
  cleared_at          ${timestamp},
  occurrence          VARCHAR(100),
  acknowledged        BOOLEAN       NOT NULL,
  acknowledged_by     VARCHAR(64),
  acknowledged_at     ${timestamp},
  incident_id         BIGINT,
  incident_key        VARCHAR(24),
  incident_auto       BOOLEAN       NOT NULL,
  root_cause_alarm_id BIGINT,
  suppression_kind    VARCHAR(16),
  suppression_ref     VARCHAR(100),
  suppression_reason  VARCHAR(500),
  change_key          VARCHAR(24),
  flapping            BOOLEAN       NOT NULL,
  version             BIGINT        NOT NULL,
  CONSTRAINT uk_alarm_reduction_key UNIQUE (reduction_key)
) ${table_options};
CREATE INDEX ix_alarm_status_last_seen ON alarm (status, last_seen);
CREATE INDEX ix_alarm_last_seen ON alarm (last_seen);
CREATE INDEX ix_alarm_ci ON alarm (ci_id);
CREATE INDEX ix_alarm_incident ON alarm (incident_id);

CREATE TABLE monitoring_event (
  id             BIGINT        NOT NULL PRIMARY KEY,
  received_at    ${timestamp}  NOT NULL,
  source         VARCHAR(16)   NOT NULL,
  kind           VARCHAR(16)   NOT NULL,
  name           VARCHAR(200)  NOT NULL,
  severity       VARCHAR(16)   NOT NULL,
  reduction_key  VARCHAR(500)  NOT NULL,
  alarm_id       BIGINT,
  ci_id          BIGINT,
  source_address VARCHAR(64),
  ci_resolved_by VARCHAR(24),
  message        VARCHAR(2000),
  attributes     ${text}
) ${table_options};
CREATE INDEX ix_monitoring_event_alarm ON monitoring_event (alarm_id, id);
CREATE INDEX ix_monitoring_event_ci ON monitoring_event (ci_id, id);
