-- Events received per hour (/api/reports/events-per-hour): a range scan over the arrival time instead
-- of reading the whole event table. On a large existing table MariaDB builds it online (InnoDB).
CREATE INDEX ix_monitoring_event_received ON monitoring_event (received_at);
