/** Who the caller of the current request is ({@link io.beacon.platform.security.CallerIdentity}), for every area; how callers sign in is identity's ({@code io.beacon.identity.security}). */
package io.beacon.platform.security;
