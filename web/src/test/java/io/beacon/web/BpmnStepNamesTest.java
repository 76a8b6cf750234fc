package io.beacon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The process diagram names each step in the reader's language: every named element of every process
 * the engine runs has its label ({@code bpmn.<process>.<element id>}) in both bundles.
 */
class BpmnStepNamesTest {
    private static final Path PROCESSES = Path.of("../workflows/src/main/resources/processes");
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    @Test
    void everyNamedStepHasItsLabelInBothLanguages() throws Exception {
        List<String> keys = stepKeys();
        assertThat(keys).contains("bpmn.change-management.approve", "bpmn.ticket-lifecycle.working");
        Map<String, String> ko = MessageBundlesTest.bundle("ko");
        Map<String, String> en = MessageBundlesTest.bundle("en");
        for (String key : keys) {
            assertThat(en).as("en " + key).containsKey(key);
            assertThat(ko).as("ko " + key).containsKey(key);
        }
    }

    private static List<String> stepKeys() throws Exception {
        List<String> keys = new ArrayList<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                Document doc = factory.newDocumentBuilder().parse(f.toFile());
                NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
                for (int i = 0; i < processes.getLength(); i++) {
                    Element process = (Element) processes.item(i);
                    NodeList all = process.getElementsByTagNameNS(BPMN, "*");
                    for (int j = 0; j < all.getLength(); j++) {
                        Element step = (Element) all.item(j);
                        if (step.hasAttribute("id") && step.hasAttribute("name")) {
                            keys.add("bpmn." + process.getAttribute("id") + "." + step.getAttribute("id"));
                        }
                    }
                }
            }
        }
        return keys;
    }

}
