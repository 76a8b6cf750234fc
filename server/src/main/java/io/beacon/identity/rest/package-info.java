/** REST resources for users, groups, the caller itself, console sessions and API tokens. */
package io.beacon.identity.rest;
