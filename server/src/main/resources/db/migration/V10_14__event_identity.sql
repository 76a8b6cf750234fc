-- Events that come through Kafka (collectors and core nodes) carry an id given at the collector: the
-- writer refuses one it already has, so a redelivery (a resent spool, an offset committed after a
-- crash) counts once. Null for events of a single node; both H2 and MariaDB let a unique index hold
-- any number of nulls.
ALTER TABLE monitoring_event ADD COLUMN event_id VARCHAR(36);
CREATE UNIQUE INDEX uk_monitoring_event_event_id ON monitoring_event (event_id);
