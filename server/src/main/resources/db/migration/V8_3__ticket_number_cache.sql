-- Ticket numbers (INC-n, REQ-n, PRB-n): cached on H2, where every uncached number costs a full store
-- write and slowed alarm storms down to one incident per store; unchanged on MariaDB (see DatabaseMigrations).
ALTER SEQUENCE ticket_number_incident ${number_cache};
ALTER SEQUENCE ticket_number_service_request ${number_cache};
ALTER SEQUENCE ticket_number_problem ${number_cache};
