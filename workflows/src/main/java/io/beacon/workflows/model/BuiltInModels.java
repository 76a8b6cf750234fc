package io.beacon.workflows.model;

import io.beacon.workflows.decision.SampleCases;
import io.beacon.workflows.engine.ProcessFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;

/** The models shipped in the application (ProcessFiles' lists), by key: the reference an upload is checked against. */
public final class BuiltInModels {
    /** One shipped model: its key (process or decision id), kind, resource name and content. */
    public record BuiltIn(String key, String kind, String resource, byte[] xml) {
        public String fileName() {
            return resource.substring(resource.lastIndexOf('/') + 1);
        }

        /** The shipped sample cases of a decision table (empty for a process). */
        public List<SampleCases.Case> cases() {
            if (!"decision".equals(kind)) {
                return List.of();
            }
            return SampleCases.read(new ByteArrayInputStream(read(SampleCases.file(key))));
        }
    }

    private static final Map<String, BuiltIn> ALL = load();

    private BuiltInModels() {}

    public static Optional<BuiltIn> find(String key) {
        return Optional.ofNullable(key == null ? null : ALL.get(key));
    }

    public static List<BuiltIn> all() {
        return List.copyOf(ALL.values());
    }

    private static Map<String, BuiltIn> load() {
        Map<String, BuiltIn> out = new LinkedHashMap<>();
        for (String resource : ProcessFiles.ALL) {
            byte[] xml = read(resource);
            for (Process p : Bpmn.readModelFromStream(new ByteArrayInputStream(xml)).getModelElementsByType(Process.class)) {
                out.put(p.getId(), new BuiltIn(p.getId(), "process", resource, xml));
            }
        }
        for (String resource : ProcessFiles.DECISIONS) {
            String key = resource.substring(resource.lastIndexOf('/') + 1, resource.length() - ".dmn".length());
            out.put(key, new BuiltIn(key, "decision", resource, read(resource)));
        }
        return out;
    }

    static byte[] read(String resource) {
        try (InputStream in = BuiltInModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Model file missing from the application: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
