/** The Camel route of generic JSON events, and the gateway through which the webhook endpoints reach the routes. */
package io.beacon.integrations.events;
