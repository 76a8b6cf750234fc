-- Reports over time (/api/reports/ticket-times): tickets of one type opened in a range, and the first
-- status change of each (when it left "new"), found without reading a ticket's whole history.
CREATE INDEX ix_ticket_type_created ON ticket (type, created_at);
CREATE INDEX ix_ticket_history_ticket_field ON ticket_history (ticket_id, field, changed_at);
