package io.beacon.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Clients such as curl send a query typed as {@code ?q=장애} as raw UTF-8 bytes. Liberty hands
 * those bytes on one character per byte (ISO-8859-1), and the REST layer's URI parser refuses them
 * with a 500. This filter percent-encodes every byte that may not stand in a URI as it is, so that
 * the request reads exactly as if the client had encoded it.
 */
public class RequestLineFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        if (needsEncoding(uri) || needsEncoding(query)) {
            chain.doFilter(new Encoded(request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    static boolean needsEncoding(String text) {
        return text != null && text.chars().anyMatch(c -> !allowed(c));
    }

    /** The text with each character outside the URI's allowed set percent-encoded. */
    static String encode(String text) {
        if (!needsEncoding(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (allowed(c)) {
                out.append(c);
            } else if (c <= 0xFF) {
                appendByte(out, c); // one raw byte of the request line
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    appendByte(out, b & 0xFF);
                }
            }
        }
        return out.toString();
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }

    /** RFC 3986 unreserved and reserved characters, and '%' of what is already encoded. */
    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0;
    }

    private static final class Encoded extends HttpServletRequestWrapper {
        Encoded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return encode(super.getRequestURI());
        }

        @Override
        public String getQueryString() {
            return encode(super.getQueryString());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(encode(super.getRequestURL().toString()));
        }
    }
}
