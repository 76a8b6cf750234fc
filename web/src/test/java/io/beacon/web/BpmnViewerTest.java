package io.beacon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The process panel loads bpmn-js from the path its module names: the build must have put the viewer
 * bundle, its style sheets and its licence there (the jar's META-INF/resources, served by the console).
 */
class BpmnViewerTest {
    private static final Path MODULE = Path.of("src/main/resources/META-INF/resources/js/views/process-diagram.js");

    private static String webjarPath() throws IOException {
        Matcher m = Pattern.compile("const BPMN_JS = '/(webjars/bpmn-js/[^']+)'").matcher(Files.readString(MODULE));
        assertThat(m.find()).as("BPMN_JS in " + MODULE).isTrue();
        return m.group(1);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = BpmnViewerTest.class.getClassLoader().getResourceAsStream("META-INF/resources/" + path)) {
            assertThat(in).as(path + " on the classpath (built by web/pom.xml from the npm package)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theViewerTheModuleLoadsIsTheOneTheBuildShips() throws IOException {
        String base = webjarPath();
        String version = base.substring(base.lastIndexOf('/') + 1);
        assertThat(resource(base + "/dist/bpmn-viewer.production.min.js"))
                .startsWith("/*! bpmn-js - bpmn-viewer v" + version + " ")
                .contains("BpmnJS");
        assertThat(resource(base + "/dist/assets/diagram-js.css")).contains(".djs-");
        assertThat(resource(base + "/dist/assets/bpmn-js.css")).contains(".bjs-");
        assertThat(resource(base + "/LICENSE")).contains("watermark");
    }
}
