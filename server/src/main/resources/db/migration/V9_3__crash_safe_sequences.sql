-- On H2 every sequence is uncached. H2 moves a cached sequence's persisted bound forward outside its
-- own lock, so another thread can commit a row with a value from the new block before that bound is
-- committed; after a kill -9 H2 then hands committed values out again (duplicate keys, a ticket
-- number given twice; EmbeddedH2KillNineTest caught it). Uncached, each thread persists the bound
-- before it uses a value. Hibernate takes 50 or 500 ids per call, so that costs one small write per
-- block; ticket numbers cost one per ticket (V8_3 had cached them on H2 to spare that write).
-- On MariaDB nothing changes: id sequences keep the default cache of 1000 (values a crash leaves
-- unused are skipped, never reused) and ticket and change numbers stay uncached.
ALTER SEQUENCE app_user_seq ${id_cache};
ALTER SEQUENCE user_group_seq ${id_cache};
ALTER SEQUENCE api_token_seq ${id_cache};
ALTER SEQUENCE configuration_item_seq ${id_cache};
ALTER SEQUENCE ci_relation_seq ${id_cache};
ALTER SEQUENCE ticket_seq ${id_cache};
ALTER SEQUENCE ticket_comment_seq ${id_cache};
ALTER SEQUENCE ticket_attachment_seq ${id_cache};
ALTER SEQUENCE ticket_history_seq ${id_cache};
ALTER SEQUENCE change_request_seq ${id_cache};
ALTER SEQUENCE change_approval_seq ${id_cache};
ALTER SEQUENCE change_history_seq ${id_cache};
ALTER SEQUENCE approver_substitute_seq ${id_cache};
ALTER SEQUENCE alarm_seq ${id_cache};
ALTER SEQUENCE event_seq ${id_cache};
ALTER SEQUENCE mail_message_seq ${id_cache};
ALTER SEQUENCE mail_outbox_seq ${id_cache};
ALTER SEQUENCE mail_template_seq ${id_cache};
ALTER SEQUENCE maintenance_window_seq ${id_cache};
-- Ticket and change numbers: uncached on both (V3 and V4_2 created them so; V8_3 cached ticket numbers on H2).
ALTER SEQUENCE change_number NOCACHE;
ALTER SEQUENCE ticket_number_incident NOCACHE;
ALTER SEQUENCE ticket_number_service_request NOCACHE;
ALTER SEQUENCE ticket_number_problem NOCACHE;
