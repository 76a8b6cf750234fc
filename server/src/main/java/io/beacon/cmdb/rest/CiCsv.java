package io.beacon.cmdb.rest;

import io.beacon.cmdb.application.CiChanges;
import io.beacon.cmdb.application.CiImportRow;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.MalformedBodyException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV import format: a header row naming the columns name, type, hostname, ipAddresses
 * (separated by ";" or spaces), ownerGroup, description, depends_on, connected_to, runs_on (target
 * names separated by ";") and {@code attr.<key>} for attributes. Only the columns present change an
 * existing CI; an empty cell clears its value (an empty type leaves the type as it is).
 */
final class CiCsv {
    private static final Map<String, String> COLUMNS = Map.of("name", "name", "type", "type", "hostname", "hostname",
            "ipaddresses", "ipAddresses", "ownergroup", "ownerGroup", "description", "description");
    private static final Set<String> RELATIONS = Set.of("depends_on", "connected_to", "runs_on");
    private static final String ATTR = "attr.";

    private CiCsv() {}

    static List<CiImportRow> read(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark, as spreadsheets write it
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        List<CiImportRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            Map<String, String> fieldOf = new HashMap<>();
            for (String h : header) {
                String lower = h.trim().toLowerCase(Locale.ROOT);
                if (COLUMNS.containsKey(lower)) {
                    fieldOf.put(h, COLUMNS.get(lower));
                } else if (RELATIONS.contains(lower)) {
                    fieldOf.put(h, lower);
                } else if (lower.startsWith(ATTR) && h.trim().length() > ATTR.length()) {
                    fieldOf.put(h, h.trim());
                } else {
                    throw new InvalidInputException("header", "unknown column '" + h + "'; expected name, type,"
                            + " hostname, ipAddresses, ownerGroup, description, depends_on, connected_to, runs_on"
                            + " or attr.<key>");
                }
            }
            if (!fieldOf.containsValue("name")) {
                throw new InvalidInputException("header", "the header row must name a 'name' column");
            }
            int[] lineStarts = lineStarts(text);
            for (CSVRecord record : parser) {
                // A record's position may lie before the empty lines skipped ahead of it.
                int at = (int) record.getCharacterPosition();
                while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
                    at++;
                }
                rows.add(row(record, header, fieldOf, lineOf(lineStarts, at)));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports a broken quote as an (unchecked) IOException naming line and position.
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw new MalformedBodyException("csv", "the body is not readable as CSV: " + cause.getMessage());
        }
        return rows;
    }

    /** The offsets at which lines start, to tell each record's line number (1 is the header). */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, long position) {
        int i = java.util.Arrays.binarySearch(lineStarts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static CiImportRow row(CSVRecord record, List<String> header, Map<String, String> fieldOf, int line) {
        Set<String> present = new LinkedHashSet<>();
        Map<String, String> values = new HashMap<>();
        Map<String, String> attributes = new HashMap<>();
        List<CiImportRow.Link> links = new ArrayList<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
            String field = fieldOf.get(header.get(i));
            String cell = record.get(i);
            String value = cell == null || cell.isBlank() ? null : cell.trim();
            if (field.startsWith(ATTR)) {
                attributes.put(field.substring(ATTR.length()), value);
            } else if (RELATIONS.contains(field)) {
                for (String target : CiJson.split(value, ";")) {
                    links.add(new CiImportRow.Link(field, target.trim()));
                }
            } else if (!(field.equals("type") && value == null)) {
                present.add(field);
                values.put(field, value);
            }
        }
        CiChanges changes = new CiChanges(present, values.get("name"), values.get("type"), values.get("hostname"),
                values.containsKey("ipAddresses") ? CiJson.split(values.get("ipAddresses"), "[;,\\s]+") : null,
                values.get("ownerGroup"), values.get("description"), attributes, false);
        if (record.size() != header.size()) {
            return new CiImportRow("line", line, CiJson.nameOnly(values.get("name")), List.of(),
                    "has " + record.size() + " values where the header names " + header.size() + " columns");
        }
        return new CiImportRow("line", line, changes, links, null);
    }
}
