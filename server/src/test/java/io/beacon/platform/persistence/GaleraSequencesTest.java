package io.beacon.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GaleraSequencesTest {
    @Test
    void aSequenceCreatedWithoutACacheClauseIsCreatedWithoutACache() {
        assertThat(GaleraSequences.rewrite("CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 50"))
                .isEqualTo("CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 50 NOCACHE");
        assertThat(GaleraSequences.rewrite("\n  create sequence alarm_seq start with 1 increment by 500;\n"))
                .isEqualTo("\n  create sequence alarm_seq start with 1 increment by 500 NOCACHE;");
        // as Flyway sends the first statement of a file: with the comments above it (which may say "cache")
        assertThat(GaleraSequences.rewrite("-- Users and groups; no cache here\n/* ids */ CREATE SEQUENCE app_user_seq INCREMENT BY 50"))
                .isEqualTo("-- Users and groups; no cache here\n/* ids */ CREATE SEQUENCE app_user_seq INCREMENT BY 50 NOCACHE");
    }

    @Test
    void whatAlreadyNamesItsCacheAndEveryOtherStatementPassUnchanged() {
        for (String sql : new String[] {"CREATE SEQUENCE ticket_number_incident START WITH 1 INCREMENT BY 1 NOCACHE",
                "CREATE SEQUENCE canned_response_seq START WITH 1 INCREMENT BY 50 CACHE 1000",
                "ALTER SEQUENCE app_user_seq CACHE 1000", "CREATE TABLE sequence_note (id BIGINT PRIMARY KEY)",
                "INSERT INTO note (text) VALUES ('CREATE SEQUENCE x')"}) {
            assertThat(GaleraSequences.rewrite(sql)).isEqualTo(sql);
        }
    }
}
