/**
 * The Camel runtime: Beacon's single CamelContext and its lifecycle, the registry through which
 * routes call {@code @Named} CDI stage beans, the ingest route every event channel ends at, and the
 * shared error policy of the inbound routes (count, log, dead-letter).
 */
package io.beacon.integrations.camel;
