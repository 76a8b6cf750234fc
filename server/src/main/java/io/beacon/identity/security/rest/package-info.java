/** The API's answers to credentials the sign-in throttle held back (429 with Retry-After, or a locked 401). */
package io.beacon.identity.security.rest;
