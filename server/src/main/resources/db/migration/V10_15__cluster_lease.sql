-- One row per duty that exactly one core node may carry out at a time (correlation, a mailbox's
-- polling). A node takes or renews a duty by a conditional UPDATE of its row: under Galera two
-- nodes' conflicting updates cannot both commit, unlike GET_LOCK, which is node-local there.
-- epoch: the fencing token, one higher at each change of holder; beat: counts the holder's
-- renewals (a standby takes over after seeing it unchanged for the expiry time on its own clock);
-- fenced_writes: counts the holder's fenced transactions, each of which updates the row with the
-- epoch it holds, so that a former holder's write after a takeover changes no row and is refused.
CREATE TABLE cluster_lease (
    name VARCHAR(40) NOT NULL PRIMARY KEY,
    holder VARCHAR(100) NOT NULL,
    epoch BIGINT NOT NULL,
    beat BIGINT NOT NULL,
    fenced_writes BIGINT NOT NULL
) ${table_options};

-- Among core nodes every node writes alarms, one correlates. An alarm that a node which does not
-- correlate raised or cleared waits here ('raised', 'cleared'), marked in the writer's own
-- transaction, until the correlating node has decided about it (then null again); a crash of
-- either node in between leaves the mark for the next look. Always null on a single node.
ALTER TABLE alarm ADD COLUMN awaiting_correlation VARCHAR(8);
CREATE INDEX ix_alarm_awaiting_correlation ON alarm (awaiting_correlation);
