/** The alarm and event API, and the Alertmanager and generic JSON event webhooks. */
package io.beacon.event.rest;
