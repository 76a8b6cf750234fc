package io.beacon.integrations.mail;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML mail body as plain text: markup, scripts, styles and images are dropped, block
 * elements become line breaks, links keep their target. The result is text, never rendered
 * as HTML anywhere.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "table", "ul", "ol", "blockquote", "pre", "hr", "section", "article", "header", "footer");

    private HtmlText() {}

    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title, noscript, template, object, iframe").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText().replaceAll("[\\s\\u00a0]+", " "));
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newline(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                        newline(out);
                    }
                    if (e.normalName().equals("a")) {
                        String href = e.attr("href");
                        if (href.startsWith("http") && !e.text().strip().equals(href)) {
                            out.append(" <").append(href).append('>');
                        }
                    }
                }
            }
        }, doc.body() == null ? doc : doc.body());
        return out.toString().replaceAll("(?m)[ \\t]+$", "").replaceAll("(?m)^[ \\t]+", "")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
