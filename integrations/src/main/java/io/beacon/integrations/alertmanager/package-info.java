/** The Camel route of Prometheus Alertmanager webhooks. */
package io.beacon.integrations.alertmanager;
