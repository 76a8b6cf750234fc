/** The Camel runtime: Beacon's single CamelContext and its lifecycle inside the application. */
package io.beacon.integrations.camel;
