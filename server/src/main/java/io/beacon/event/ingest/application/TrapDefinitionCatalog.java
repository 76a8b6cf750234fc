package io.beacon.event.ingest.application;

import io.beacon.platform.domain.JsonP;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.Severity;
import io.beacon.event.ingest.domain.TrapDefinition;
import io.beacon.event.ingest.domain.TrapDefinitions;
import io.beacon.event.EventSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The trap definitions in force: the ones shipped with Beacon, extended and overridden (by OID)
 * by the user's file. The file is re-read when it changes; a broken file is logged and the last
 * good definitions stay.
 */
@ApplicationScoped
public class TrapDefinitionCatalog {
    private static final Logger LOG = Logger.getLogger(TrapDefinitionCatalog.class.getName());
    static final String SHIPPED = "/io/beacon/event/trap-definitions.json";

    @Inject
    EventSettings settings;

    private volatile TrapDefinitions current = new TrapDefinitions(List.of());
    private volatile FileTime loadedFileTime;
    private volatile boolean loaded;

    public TrapDefinitions current() {
        if (!loaded) {
            reloadIfChanged();
        }
        return current;
    }

    public synchronized void reloadIfChanged() {
        Path file = settings.trapDefinitionsFile();
        FileTime time = null;
        try {
            time = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            // treated as absent
        }
        if (loaded && java.util.Objects.equals(time, loadedFileTime)) {
            return;
        }
        List<TrapDefinition> all = new ArrayList<>(shipped());
        if (time != null) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<TrapDefinition> user = parse(r, file.toString());
                all.addAll(user);
                LOG.info("Read " + user.size() + " trap definitions from " + file);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Ignoring the trap definition file " + file + ": " + e.getMessage());
                if (loaded) {
                    loadedFileTime = time;
                    return; // keep the last good set
                }
            }
        }
        current = new TrapDefinitions(all);
        loadedFileTime = time;
        loaded = true;
    }

    static List<TrapDefinition> shipped() {
        try (InputStream in = TrapDefinitionCatalog.class.getResourceAsStream(SHIPPED)) {
            return parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), "shipped");
        } catch (IOException e) {
            throw new IllegalStateException("The shipped trap definitions are missing", e);
        }
    }

    /** Parses {@code {"definitions": [...]}}; a definition without oid or name is an error naming its position. */
    static List<TrapDefinition> parse(Reader reader, String origin) {
        JsonObject root;
        try (JsonReader r = JsonP.reader(reader)) {
            root = r.readObject();
        }
        JsonArray defs = root.getJsonArray("definitions");
        List<TrapDefinition> out = new ArrayList<>();
        if (defs == null) {
            return out;
        }
        for (int i = 0; i < defs.size(); i++) {
            JsonObject d = defs.getJsonObject(i);
            String oid = text(d, "oid");
            String name = text(d, "name");
            if (oid == null || !oid.matches("\\d+(\\.\\d+)+") || name == null) {
                throw new IllegalArgumentException("definition " + (i + 1) + " needs a numeric oid and a name");
            }
            EventKind kind = EventKind.fromCode(d.getString("kind", "problem"));
            Severity severity = kind == EventKind.CLEAR ? Severity.CLEARED
                    : Severity.fromCode("severity", d.getString("severity", "indeterminate"));
            List<String> key = new ArrayList<>();
            JsonArray keyFields = d.containsKey("key") ? d.getJsonArray("key") : null;
            if (keyFields != null) {
                for (JsonValue v : keyFields) {
                    key.add(((JsonString) v).getString());
                }
            }
            List<TrapDefinition.Override> overrides = new ArrayList<>();
            JsonArray ov = d.containsKey("overrides") ? d.getJsonArray("overrides") : null;
            if (ov != null) {
                for (JsonValue v : ov) {
                    JsonObject o = v.asJsonObject();
                    overrides.add(new TrapDefinition.Override(text(o, "oid"), text(o, "equals"),
                            Severity.fromCode("severity", text(o, "severity"))));
                }
            }
            out.add(new TrapDefinition(oid, name, severity, kind, text(d, "clears"), key, text(d, "message"), overrides,
                    origin));
        }
        return out;
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v instanceof JsonString s ? s.getString().trim() : v.toString().toLowerCase(Locale.ROOT);
    }
}
