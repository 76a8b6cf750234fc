-- The SLA clocks of incidents and service requests: due times (shifted by pauses), first response,
-- resolution, and the at-risk / breached flags the ticket process sets.
CREATE TABLE ticket_sla (
  ticket_id           BIGINT       NOT NULL PRIMARY KEY,
  ticket_key          VARCHAR(24)  NOT NULL,
  priority            VARCHAR(2)   NOT NULL,
  all_hours           BOOLEAN      NOT NULL,
  started_at          ${timestamp} NOT NULL,
  response_due        ${timestamp} NOT NULL,
  resolution_due      ${timestamp} NOT NULL,
  response_warn_at    ${timestamp} NOT NULL,
  resolution_warn_at  ${timestamp} NOT NULL,
  responded_at        ${timestamp},
  resolved_at         ${timestamp},
  paused_since        ${timestamp},
  paused_seconds      BIGINT       NOT NULL,
  response_at_risk    BOOLEAN      NOT NULL,
  resolution_at_risk  BOOLEAN      NOT NULL,
  response_breached   BOOLEAN      NOT NULL,
  resolution_breached BOOLEAN      NOT NULL,
  version             BIGINT       NOT NULL,
  CONSTRAINT fk_ticket_sla_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_ticket_sla_flags ON ticket_sla (resolution_breached, response_breached);
