package io.beacon.platform.web;

import io.beacon.platform.config.BeaconConfig;
import io.beacon.platform.config.RequestSettings;
import io.beacon.platform.domain.MalformedBodyException;
import io.beacon.platform.domain.TooLargeException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Caps every request body before anything parses it: a Content-Length over the route's limit is
 * refused at once with 413 (the connection is then closed rather than drained), and a chunked
 * body is counted as it streams, so that no body is ever buffered whole to find out its size.
 */
public class BodyLimitFilter extends HttpFilter {
    /** Room for the part headers and boundaries of a multipart upload around the file itself. */
    static final long MULTIPART_ENVELOPE_BYTES = 64 * 1024;
    private static final Pattern ATTACHMENTS = Pattern.compile("/api/tickets/[^/]+/attachments/?");

    @Inject
    RequestSettings settings;

    @Inject
    BeaconConfig config;

    @Inject
    Instance<SelfLimitedRoute> selfLimited;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        BodyLimit limit = limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (limit.upFront() && declared > limit.maxBytes()) {
            response.setHeader("Connection", "close");
            ProblemBody.write(response, 413, "Content Too Large", "too-large",
                    LimitedInputStream.tooLarge(limit).getMessage(), request.getRequestURI());
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            Throwable refusal = refusal(e);
            if (refusal == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            SecurityHeadersFilter.apply(response);
            response.setHeader("Connection", "close");
            if (refusal instanceof TooLargeException) {
                ProblemBody.write(response, 413, "Content Too Large", "too-large", refusal.getMessage(),
                        request.getRequestURI());
            } else {
                ProblemBody.write(response, 400, "Malformed request body",
                        "malformed-" + ((MalformedBodyException) refusal).format(), refusal.getMessage(),
                        request.getRequestURI());
            }
        }
    }

    BodyLimit limitFor(String path) {
        int depth = settings.jsonMaxDepth();
        if (path.equals("/api/cis/import") || path.equals("/api/cis/import/")) {
            return new BodyLimit("a CMDB import", settings.importMaxBytes(), true, depth);
        }
        if (ATTACHMENTS.matcher(path).matches()) {
            return new BodyLimit("an attachment upload", config.attachmentMaxBytes() + MULTIPART_ENVELOPE_BYTES, true,
                    depth);
        }
        for (SelfLimitedRoute route : selfLimited) {
            if (path.startsWith(route.pathPrefix())) {
                // The resource reads at most its limit plus one byte, to tell a body that is too large.
                return new BodyLimit(route.routeClass(), route.maxBytes() + 1L, false, depth);
            }
        }
        return new BodyLimit("this request", settings.bodyMaxBytes(), true, depth);
    }

    /** The body refusal behind a failure, however the layers above wrapped it. */
    private static Throwable refusal(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; i < 12 && t != null; i++) {
            if (t instanceof TooLargeException || t instanceof MalformedBodyException) {
                return t;
            }
            t = t.getCause();
        }
        return null;
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final BodyLimit limit;
        private LimitedInputStream stream;

        Limited(HttpServletRequest request, BodyLimit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                String type = getContentType();
                stream = new LimitedInputStream(super.getInputStream(), limit,
                        type != null && type.toLowerCase().contains("json"));
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
