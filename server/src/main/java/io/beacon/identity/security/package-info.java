/** How callers sign in: the authentication mechanism (HTTP Basic, bearer tokens, console sessions), the console session and the client address sign-ins are counted by. */
package io.beacon.identity.security;
