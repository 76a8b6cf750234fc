/** Authentication (HTTP Basic, bearer tokens, console sessions) and the caller's identity per request. */
package io.beacon.platform.security;
