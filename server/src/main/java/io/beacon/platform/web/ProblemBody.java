package io.beacon.platform.web;

import io.beacon.platform.domain.JsonP;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes an RFC 9457 problem answer where no JAX-RS resource answers (filters, error pages). */
final class ProblemBody {
    private static final String BASE = "https://beacon.dev/problems/";

    private ProblemBody() {}

    static void write(HttpServletResponse response, int status, String title, String slug, String detail,
            String instance) throws IOException {
        JsonObjectBuilder json = JsonP.object().add("type", BASE + slug).add("title", title)
                .add("status", status).add("detail", detail);
        if (instance != null) {
            json.add("instance", instance);
        }
        String text = json.build().toString();
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        try {
            OutputStream out = response.getOutputStream();
            out.write(body);
            out.flush();
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(text);
            response.getWriter().flush();
        }
    }
}
