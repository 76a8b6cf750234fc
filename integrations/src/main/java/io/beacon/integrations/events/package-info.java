/** The Camel route of generic JSON events, and the gateway through which the webhook endpoints reach their routes. */
package io.beacon.integrations.events;
