/** The Camel route of Prometheus Alertmanager webhooks: each alert normalised and handed to the ingest endpoint. */
package io.beacon.integrations.alertmanager;
