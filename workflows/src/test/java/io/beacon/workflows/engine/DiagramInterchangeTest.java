package io.beacon.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every process file can be drawn as it was laid out (Camunda Modeler, bpmn-js): one shape per flow
 * node and one edge per sequence flow, shapes apart, edges orthogonal, starting and ending on the
 * outline of their own shapes and passing through no shape.
 */
class DiagramInterchangeTest {
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    private static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    private static final Set<String> CONTAINERS = Set.of("subProcess", "transaction", "adHocSubProcess");
    private static final Set<String> OTHER_FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
            "intermediateThrowEvent", "boundaryEvent", "callActivity", "task");

    static List<String> processFiles() {
        return ProcessFiles.ALL;
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void everyFlowNodeAndSequenceFlowIsDrawnExactlyOnce(String file) {
        Diagram diagram = Diagram.read(file);

        assertThat(diagram.shapeIds).as("shapes").containsExactlyInAnyOrderElementsOf(diagram.flowNodes.keySet());
        assertThat(diagram.edgeIds).as("edges").containsExactlyInAnyOrderElementsOf(diagram.flows.keySet());
        assertThat(diagram.diagramIds).as("diagram and plane ids").containsExactly("BPMNDiagram_1", "BPMNPlane_1");
        assertThat(diagram.elementsWithOtherDiIds).as("DI ids that are not <element id>_di").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void shapesDoNotOverlapAndBoundaryEventsSitOnTheirHostsBorder(String file) {
        Diagram diagram = Diagram.read(file);
        List<String> ids = new ArrayList<>(diagram.shapes.keySet());
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i), b = ids.get(j);
                if (diagram.attached(a, b) || diagram.attached(b, a)) {
                    continue;
                }
                if (diagram.shapes.get(a).overlaps(diagram.shapes.get(b))) {
                    overlaps.add(a + " / " + b);
                }
            }
        }
        assertThat(overlaps).as("overlapping shapes").isEmpty();

        diagram.attachedTo.forEach((event, host) -> assertThat(diagram.shapes.get(host).onBorder(
                diagram.shapes.get(event).centreX(), diagram.shapes.get(event).centreY()))
                .as("centre of boundary event %s on the border of %s", event, host).isTrue());
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void edgesStartAndEndOnTheOutlineOfTheirSourceAndTarget(String file) {
        Diagram diagram = Diagram.read(file);
        diagram.edges.forEach((flow, points) -> {
            String[] ends = diagram.flows.get(flow);
            double[] first = points.get(0), last = points.get(points.size() - 1);
            assertThat(diagram.shapes.get(ends[0]).onOutline(first[0], first[1]))
                    .as("%s leaves %s from its outline", flow, ends[0]).isTrue();
            assertThat(diagram.shapes.get(ends[1]).onOutline(last[0], last[1]))
                    .as("%s reaches %s on its outline", flow, ends[1]).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void edgesAreOrthogonalAndPassThroughNoShape(String file) {
        Diagram diagram = Diagram.read(file);
        List<String> problems = new ArrayList<>();
        diagram.edges.forEach((flow, points) -> {
            for (int k = 1; k < points.size(); k++) {
                double[] from = points.get(k - 1), to = points.get(k);
                if (from[0] != to[0] && from[1] != to[1]) {
                    problems.add(flow + " has a diagonal segment");
                }
                diagram.shapes.forEach((id, shape) -> {
                    if (shape.crossedBy(from, to)) {
                        problems.add(flow + " passes through " + id);
                    }
                });
            }
        });
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void namedEventsGatewaysAndFlowsShowTheirNameInALabel(String file) {
        Diagram diagram = Diagram.read(file);
        List<String> unlabelled = new ArrayList<>();
        diagram.named.forEach(id -> {
            boolean drawnInside = diagram.flowNodes.containsKey(id) && !diagram.shapes.get(id).kind().matches("event|gateway");
            if (!drawnInside && !diagram.labels.containsKey(id)) {
                unlabelled.add(id);
            }
        });
        assertThat(unlabelled).as("named elements without a label").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void labelsCoverNoShape(String file) {
        Diagram diagram = Diagram.read(file);
        List<String> covered = new ArrayList<>();
        diagram.labels.forEach((owner, label) -> diagram.shapes.forEach((id, shape) -> {
            if (label.overlaps(shape)) {
                covered.add("label of " + owner + " covers " + id);
            }
        }));
        assertThat(covered).isEmpty();
    }

    /** A shape's bounds; events are drawn as circles and gateways as diamonds inside them. */
    record Bounds(double x, double y, double width, double height, String kind) {
        double centreX() {
            return x + width / 2;
        }

        double centreY() {
            return y + height / 2;
        }

        boolean overlaps(Bounds other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }

        boolean onBorder(double px, double py) {
            boolean withinX = px >= x - 1 && px <= x + width + 1, withinY = py >= y - 1 && py <= y + height + 1;
            return (withinX && (near(py, y) || near(py, y + height))) || (withinY && (near(px, x) || near(px, x + width)));
        }

        boolean onOutline(double px, double py) {
            double dx = Math.abs(px - centreX()), dy = Math.abs(py - centreY());
            return switch (kind) {
                case "event" -> near(Math.hypot(dx, dy), width / 2);
                case "gateway" -> Math.abs(dx / (width / 2) + dy / (height / 2) - 1) < 0.03;
                default -> onBorder(px, py);
            };
        }

        /** Whether the axis-parallel segment enters the inside of these bounds (touching the border does not count). */
        boolean crossedBy(double[] from, double[] to) {
            double minX = Math.min(from[0], to[0]), maxX = Math.max(from[0], to[0]);
            double minY = Math.min(from[1], to[1]), maxY = Math.max(from[1], to[1]);
            return minX < x + width - 1 && maxX > x + 1 && minY < y + height - 1 && maxY > y + 1;
        }

        private static boolean near(double a, double b) {
            return Math.abs(a - b) <= 1;
        }
    }

    /** The process elements of one file and their diagram interchange, read with plain DOM. */
    static final class Diagram {
        final Map<String, String> flowNodes = new HashMap<>();
        final Map<String, String[]> flows = new HashMap<>();
        final Map<String, String> attachedTo = new HashMap<>();
        final List<String> named = new ArrayList<>();
        final List<String> shapeIds = new ArrayList<>();
        final List<String> edgeIds = new ArrayList<>();
        final List<String> diagramIds = new ArrayList<>();
        final List<String> elementsWithOtherDiIds = new ArrayList<>();
        final Map<String, Bounds> shapes = new HashMap<>();
        final Map<String, Bounds> labels = new HashMap<>();
        final Map<String, List<double[]>> edges = new HashMap<>();

        static Diagram read(String file) {
            try (InputStream in = DiagramInterchangeTest.class.getClassLoader().getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Document document = factory.newDocumentBuilder().parse(in);
                Diagram diagram = new Diagram();
                NodeList processes = document.getElementsByTagNameNS(BPMN, "process");
                for (int i = 0; i < processes.getLength(); i++) {
                    diagram.collect((Element) processes.item(i));
                }
                diagram.readDi(document);
                return diagram;
            } catch (Exception e) {
                throw new AssertionError("Cannot read " + file, e);
            }
        }

        boolean attached(String event, String host) {
            return host.equals(attachedTo.get(event));
        }

        private void collect(Element container) {
            for (Element child : children(container)) {
                String type = child.getLocalName(), id = child.getAttribute("id");
                if (!child.getAttribute("name").isBlank()) {
                    named.add(id);
                }
                if (type.equals("sequenceFlow")) {
                    flows.put(id, new String[] {child.getAttribute("sourceRef"), child.getAttribute("targetRef")});
                } else if (type.endsWith("Task") || type.endsWith("Gateway") || OTHER_FLOW_NODES.contains(type)
                        || CONTAINERS.contains(type)) {
                    flowNodes.put(id, type);
                    if (type.equals("boundaryEvent")) {
                        attachedTo.put(id, child.getAttribute("attachedToRef"));
                    }
                    if (CONTAINERS.contains(type)) {
                        collect(child);
                    }
                }
            }
        }

        private void readDi(Document document) {
            NodeList diagrams = document.getElementsByTagNameNS(BPMNDI, "BPMNDiagram");
            for (int i = 0; i < diagrams.getLength(); i++) {
                diagramIds.add(((Element) diagrams.item(i)).getAttribute("id"));
            }
            NodeList planes = document.getElementsByTagNameNS(BPMNDI, "BPMNPlane");
            for (int i = 0; i < planes.getLength(); i++) {
                diagramIds.add(((Element) planes.item(i)).getAttribute("id"));
            }
            NodeList shapeElements = document.getElementsByTagNameNS(BPMNDI, "BPMNShape");
            for (int i = 0; i < shapeElements.getLength(); i++) {
                Element shape = (Element) shapeElements.item(i);
                String element = diElement(shape);
                shapeIds.add(element);
                String type = flowNodes.getOrDefault(element, "");
                String kind = type.endsWith("Gateway") ? "gateway" : type.endsWith("Event") ? "event" : "activity";
                shapes.put(element, bounds(firstChild(shape, DC, "Bounds"), kind));
                label(shape, element);
            }
            NodeList edgeElements = document.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
            for (int i = 0; i < edgeElements.getLength(); i++) {
                Element edge = (Element) edgeElements.item(i);
                String element = diElement(edge);
                edgeIds.add(element);
                List<double[]> points = new ArrayList<>();
                for (Element child : children(edge)) {
                    if (DI.equals(child.getNamespaceURI()) && child.getLocalName().equals("waypoint")) {
                        points.add(new double[] {number(child, "x"), number(child, "y")});
                    }
                }
                assertThat(points).as("waypoints of %s", element).hasSizeGreaterThanOrEqualTo(2);
                edges.put(element, points);
                label(edge, element);
            }
        }

        private String diElement(Element di) {
            String element = di.getAttribute("bpmnElement");
            if (!di.getAttribute("id").equals(element + "_di")) {
                elementsWithOtherDiIds.add(di.getAttribute("id"));
            }
            return element;
        }

        private void label(Element di, String element) {
            Element label = firstChild(di, BPMNDI, "BPMNLabel");
            if (label != null) {
                labels.put(element, bounds(firstChild(label, DC, "Bounds"), "label"));
            }
        }

        private static Bounds bounds(Element bounds, String kind) {
            assertThat(bounds).as("dc:Bounds").isNotNull();
            return new Bounds(number(bounds, "x"), number(bounds, "y"), number(bounds, "width"), number(bounds, "height"), kind);
        }

        private static double number(Element element, String attribute) {
            return Double.parseDouble(element.getAttribute(attribute));
        }

        private static Element firstChild(Element parent, String namespace, String name) {
            for (Element child : children(parent)) {
                if (namespace.equals(child.getNamespaceURI()) && child.getLocalName().equals(name)) {
                    return child;
                }
            }
            return null;
        }

        private static List<Element> children(Element parent) {
            List<Element> children = new ArrayList<>();
            for (int i = 0; i < parent.getChildNodes().getLength(); i++) {
                if (parent.getChildNodes().item(i) instanceof Element child) {
                    children.add(child);
                }
            }
            return children;
        }
    }
}
