/** Use cases of identity: managing users and groups, checking credentials, the first admin. */
package io.beacon.identity.application;
