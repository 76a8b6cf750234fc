package io.beacon.platform.tls;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTPS answers of the console and the API carry HSTS (never plain HTTP ones, RFC 6797 8.1). With
 * {@code BEACON_HTTPS_REDIRECT=true}, plain HTTP is answered with a permanent redirect to the same
 * URL on the HTTPS port (308: the method and body are kept, so a script's POST is not turned into a
 * GET). /health, /metrics and /openapi are Liberty's own modules and keep answering on HTTP, for
 * probes and scrapers inside the network.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TransportSecurityFilter extends HttpFilter {
    static final String HSTS = "max-age=31536000";

    @Inject
    @ConfigProperty(name = "beacon.https.redirect", defaultValue = "false")
    boolean redirect;

    @Inject
    @ConfigProperty(name = "beacon.https.port", defaultValue = "9443")
    int httpsPort;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
            chain.doFilter(request, response);
            return;
        }
        if (!redirect) {
            chain.doFilter(request, response);
            return;
        }
        String host = request.getServerName();
        if (host.contains(":")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        String query = request.getQueryString();
        response.setStatus(308);
        response.setHeader("Location", "https://" + host + (httpsPort == 443 ? "" : ":" + httpsPort)
                + request.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
