/** The server-sent event stream ({@code /api/stream}) that carries live updates to signed-in users. */
package io.beacon.platform.live.rest;
