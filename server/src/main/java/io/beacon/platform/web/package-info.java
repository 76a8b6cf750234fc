/**
 * The servlet layer in front of everything the application answers: security headers, request
 * body limits (areas declare the routes that limit their own bodies), the request line's raw bytes and the problem answer for the container's own errors.
 */
package io.beacon.platform.web;
