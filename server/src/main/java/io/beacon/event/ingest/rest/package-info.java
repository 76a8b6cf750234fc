/** The Alertmanager and generic JSON event webhooks. */
package io.beacon.event.ingest.rest;
