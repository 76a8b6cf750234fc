package io.beacon.cmdb.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.cmdb.application.CiImportRow;
import io.beacon.platform.domain.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CiCsvTest {

    @Test
    void rowsCarryTheirLineFieldsAttributesAndRelations() {
        String csv = "\uFEFFname,type,ipAddresses,description,depends_on,attr.rack\n"
                + "app-1,application,,\"그룹웨어, 사내\",db-1;mq-1,A1\n"
                + "\n"
                + "db-1,database,10.0.0.1; 10.0.0.2 2001:db8::1,\"two\nlines\",,\n"
                + "web-1,,10.0.0.3,,,\n";
        List<CiImportRow> rows = CiCsv.read(csv);
        assertThat(rows).extracting(CiImportRow::position).containsExactly(2, 4, 6);
        CiImportRow app = rows.get(0);
        assertThat(app.changes().name()).isEqualTo("app-1");
        assertThat(app.changes().description()).isEqualTo("그룹웨어, 사내");
        assertThat(app.changes().ipAddresses()).isEmpty();
        assertThat(app.relations()).containsExactly(new CiImportRow.Link("depends_on", "db-1"),
                new CiImportRow.Link("depends_on", "mq-1"));
        assertThat(app.changes().attributes()).containsEntry("rack", "A1");
        assertThat(rows.get(1).changes().ipAddresses()).containsExactly("10.0.0.1", "10.0.0.2", "2001:db8::1");
        assertThat(rows.get(1).changes().attributes()).containsEntry("rack", null);
        assertThat(rows.get(2).changes().has("type")).isFalse();
        assertThat(rows.get(2).changes().has("hostname")).isFalse();
    }

    @Test
    void aShortRowIsUnreadableAndAnUnknownColumnRefusesTheFile() {
        List<CiImportRow> rows = CiCsv.read("name,type\nonly-name\nok,server\n");
        assertThat(rows.get(0).error()).contains("values");
        assertThat(rows.get(1).error()).isNull();
        assertThatThrownBy(() -> CiCsv.read("name,colour\nx,red\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("colour");
    }

    @Test
    void aBrokenQuoteIsAMalformedBodyNamingTheLineAndBidiControlsLeaveTheNames() {
        assertThatThrownBy(() -> CiCsv.read("name,type\n\"db\"x,server\n"))
                .isInstanceOf(io.beacon.platform.domain.MalformedBodyException.class).hasMessageContaining("line: 2");
        List<CiImportRow> rows = CiCsv.read("name,type,depends_on\nweb\u202E-01,server,db\u2066-01\u2069\n");
        assertThat(rows.get(0).changes().name()).isEqualTo("web-01");
        assertThat(rows.get(0).relations()).extracting(CiImportRow.Link::target).containsExactly("db-01");
    }

    @Test
    void ifMatchAcceptsStrongWeakAndBareVersions() {
        assertThat(CiResource.ifMatchVersion("\"3\"")).isEqualTo(3L);
        assertThat(CiResource.ifMatchVersion("W/\"4\"")).isEqualTo(4L);
        assertThat(CiResource.ifMatchVersion("5")).isEqualTo(5L);
        assertThat(CiResource.ifMatchVersion("*")).isNull();
        assertThatThrownBy(() -> CiResource.ifMatchVersion("\"abc\"")).isInstanceOf(InvalidInputException.class);
    }
}
