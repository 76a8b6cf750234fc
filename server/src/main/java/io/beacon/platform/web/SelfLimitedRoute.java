package io.beacon.platform.web;

/**
 * A route whose resource limits its own request bodies (and counts what it refuses), declared as a
 * CDI bean by the area that serves it: the body limit filter then lets up to its limit through
 * instead of refusing a large Content-Length up front, and still stops a body that runs past it.
 */
public interface SelfLimitedRoute {
    /** The path prefix of the route, as in the request URI, e.g. {@code /api/events/}. */
    String pathPrefix();

    /** What the route receives, for the refusal's message, e.g. "a webhook". */
    String routeClass();

    /** The most bytes the resource reads of a body before it refuses it itself. */
    long maxBytes();
}
