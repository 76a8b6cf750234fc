/**
 * Who may read Liberty's own monitoring endpoints (/metrics, optionally /openapi): Beacon's users
 * and API tokens, checked by a Jakarta Authentication module that Beacon registers for those
 * modules, since they live outside Beacon's application and its authentication mechanism.
 */
package io.beacon.identity.monitoring;
