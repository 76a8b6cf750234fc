-- A change lists the alarms attributed to it.
CREATE INDEX ix_alarm_change_key ON alarm (change_key);
