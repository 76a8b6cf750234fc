/** The REST API's shared machinery: the application root, RFC 9457 problem answers, authorisation, JSON helpers. */
package io.beacon.platform.rest;
