-- The open queues at a million tickets (issue 18): whether a ticket is still being worked, derived by
-- the database from its status (a generated column, so that no write, not even SQL by hand or a
-- restored backup, can leave it behind the status; TicketStatus.isOpen is the same rule). Indexes
-- that lead with the queue's filter and the open flag and end in its sort let an open queue read its
-- page in index order and stop after it, however many closed tickets the years have left; sorting an
-- open queue by any other column sorts the open tickets only.
ALTER TABLE ticket ADD COLUMN is_open BOOLEAN GENERATED ALWAYS AS (status NOT IN ('RESOLVED', 'CLOSED'));
-- The open-incident queue (type = incident, sorted by priority, the console's default there).
CREATE INDEX ix_ticket_type_open_priority ON ticket (type, is_open, priority);
-- Every open ticket by activity ("all" with status=open), and by age.
CREATE INDEX ix_ticket_open_updated ON ticket (is_open, updated_at);
-- "Mine", "unassigned" (assignee IS NULL), "my groups" and a requester's open tickets, newest activity
-- first; status last, so that their counts per status are read from the index alone.
CREATE INDEX ix_ticket_assignee_open_updated ON ticket (assignee_id, is_open, updated_at, status);
CREATE INDEX ix_ticket_group_open_updated ON ticket (assignment_group_id, is_open, updated_at, status);
CREATE INDEX ix_ticket_requester_open_updated ON ticket (requester_id, is_open, updated_at);
-- Sorting by title or by status (then id, as JpaTickets orders) reads in order too, in any list whose
-- filter does not pick its own index; one status sorted by key reads the status index backwards.
CREATE INDEX ix_ticket_title ON ticket (title);
CREATE INDEX ix_ticket_status_only ON ticket (status);
