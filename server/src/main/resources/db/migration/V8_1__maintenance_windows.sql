-- Maintenance windows: periods (one-off or recurring) in which alarms on some CIs page nobody.
CREATE SEQUENCE maintenance_window_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE maintenance_window (
  id          BIGINT        NOT NULL PRIMARY KEY,
  reason      VARCHAR(500)  NOT NULL,
  start_at    ${timestamp}  NOT NULL,
  end_at      ${timestamp}  NOT NULL,
  recurrence  VARCHAR(500),
  time_zone   VARCHAR(64)   NOT NULL,
  created_by  VARCHAR(100)  NOT NULL,
  created_at  ${timestamp}  NOT NULL,
  version     BIGINT        NOT NULL
) ${table_options};

CREATE TABLE maintenance_window_ci (
  window_id BIGINT NOT NULL,
  ci_id     BIGINT NOT NULL,
  PRIMARY KEY (window_id, ci_id),
  CONSTRAINT fk_maintenance_window_ci_window FOREIGN KEY (window_id) REFERENCES maintenance_window (id) ON DELETE CASCADE,
  CONSTRAINT fk_maintenance_window_ci_ci FOREIGN KEY (ci_id) REFERENCES configuration_item (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_maintenance_window_ci_ci ON maintenance_window_ci (ci_id);
