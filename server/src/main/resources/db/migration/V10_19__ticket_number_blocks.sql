-- Ticket numbers come from one counter row per type, reserved a block at a time in a short
-- transaction of their own: a storm's 200 incidents take one write instead of 200 uncached sequence
-- steps (on H2 each step was a store of its own, about 5 ms, which held the event writer for
-- seconds). The row holds the last number given out; a reservation commits before its numbers are
-- used, so a crash skips numbers but never hands one out twice. Each sequence's next value seeds
-- its row (the value it would have given next, minus one), then the sequences go.
CREATE TABLE ticket_number (
    ticket_type VARCHAR(32) NOT NULL PRIMARY KEY,
    last_number BIGINT NOT NULL
);
INSERT INTO ticket_number (ticket_type, last_number) VALUES ('incident', NEXT VALUE FOR ticket_number_incident - 1);
INSERT INTO ticket_number (ticket_type, last_number) VALUES ('service_request', NEXT VALUE FOR ticket_number_service_request - 1);
INSERT INTO ticket_number (ticket_type, last_number) VALUES ('problem', NEXT VALUE FOR ticket_number_problem - 1);
DROP SEQUENCE ticket_number_incident;
DROP SEQUENCE ticket_number_service_request;
DROP SEQUENCE ticket_number_problem;
