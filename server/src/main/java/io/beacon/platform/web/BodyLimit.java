package io.beacon.platform.web;

/**
 * How much body a request may carry and how deep its JSON may nest; {@code upFront} says whether a
 * too large Content-Length is refused before the request reaches its resource (the webhooks
 * refuse, and count, over-sized bodies themselves).
 */
record BodyLimit(String routeClass, long maxBytes, boolean upFront, int maxJsonDepth) {}
