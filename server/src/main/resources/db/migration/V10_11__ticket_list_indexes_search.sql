-- Ticket lists at a million tickets (issue 18): one index per filter the API and the console offer,
-- with the sort behind it, so that a page is read in index order and stops after its rows (no
-- filesort, no full scan). InnoDB appends the primary key to every secondary index, so each of these
-- also orders the tie-breaker (id) that every list sorts by last, and serves the keyset cursor.
-- The single-column indexes of V3 stay: they back the foreign keys on H2.
-- The console's "all" queue and every list sorted by last activity.
CREATE INDEX ix_ticket_updated ON ticket (updated_at);
-- Queues of one status sorted by activity, priority or age (status=new, sort=-updatedAt ...).
CREATE INDEX ix_ticket_status_updated ON ticket (status, updated_at);
CREATE INDEX ix_ticket_status_priority ON ticket (status, priority);
CREATE INDEX ix_ticket_status_created ON ticket (status, created_at);
-- The open-incident queue sorted by priority: read in priority order, open ones kept.
CREATE INDEX ix_ticket_type_priority ON ticket (type, priority);
-- "Mine", "unassigned" (assignee IS NULL), "my groups" and a requester's own tickets, newest activity
-- first; the status at the end keeps the open ones from the index alone, and counts them without the rows.
CREATE INDEX ix_ticket_assignee_updated ON ticket (assignee_id, updated_at, status);
CREATE INDEX ix_ticket_group_updated ON ticket (assignment_group_id, updated_at, status);
CREATE INDEX ix_ticket_requester_updated ON ticket (requester_id, updated_at);
-- How many tickets there are per status, type, priority and group (0: none), kept in step with the
-- ticket table in the same transaction (ticket.persistence.TicketCounts): the queues' counters and
-- the totals of unfiltered lists read a few hundred rows here instead of an index entry per ticket.
-- Each key is spread over 8 stripes (ticket id mod 8), so that concurrent ticket writes seldom wait
-- for one another's counter row.
CREATE TABLE ticket_count (
  status    VARCHAR(20) NOT NULL,
  type      VARCHAR(20) NOT NULL,
  priority  VARCHAR(2)  NOT NULL,
  group_id  BIGINT      NOT NULL,
  stripe    INT         NOT NULL,
  n         BIGINT      NOT NULL,
  PRIMARY KEY (status, type, priority, group_id, stripe)
) ${table_options};
INSERT INTO ticket_count (status, type, priority, group_id, stripe, n)
  SELECT status, type, priority, COALESCE(assignment_group_id, 0), MOD(id, 8), COUNT(*)
  FROM ticket GROUP BY status, type, priority, COALESCE(assignment_group_id, 0), MOD(id, 8);
