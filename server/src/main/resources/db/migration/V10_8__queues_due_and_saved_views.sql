-- Queues (branch queues): the next SLA due time of a ticket (response until the first response, then
-- resolution; NULL once resolved), kept on its clocks and indexed, so that a queue sorts by it on the
-- server (sort=due); and saved views: a named set of queue filters and a sort, a user's own or shared
-- with one group.
ALTER TABLE ticket_sla ADD COLUMN next_due ${timestamp};
UPDATE ticket_sla SET next_due = CASE WHEN resolved_at IS NOT NULL THEN NULL
  WHEN responded_at IS NULL THEN response_due ELSE resolution_due END;
CREATE INDEX ix_ticket_sla_next_due ON ticket_sla (next_due, ticket_id);

CREATE SEQUENCE saved_view_seq START WITH 1 INCREMENT BY 50 ${id_cache};
CREATE TABLE saved_view (
  id         BIGINT       NOT NULL PRIMARY KEY,
  name       VARCHAR(100) NOT NULL,
  owner      VARCHAR(64)  NOT NULL,
  group_id   BIGINT,
  created_at ${timestamp} NOT NULL,
  updated_at ${timestamp} NOT NULL,
  version    BIGINT       NOT NULL,
  CONSTRAINT uk_saved_view_owner_name UNIQUE (owner, name),
  CONSTRAINT fk_saved_view_group FOREIGN KEY (group_id) REFERENCES user_group (id) ON DELETE SET NULL
) ${table_options};
CREATE INDEX ix_saved_view_group ON saved_view (group_id);

CREATE TABLE saved_view_param (
  view_id     BIGINT       NOT NULL,
  param_name  VARCHAR(32)  NOT NULL,
  param_value VARCHAR(500) NOT NULL,
  PRIMARY KEY (view_id, param_name),
  CONSTRAINT fk_saved_view_param_view FOREIGN KEY (view_id) REFERENCES saved_view (id) ON DELETE CASCADE
) ${table_options};
