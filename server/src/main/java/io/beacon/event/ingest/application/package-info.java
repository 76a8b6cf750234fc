/**
 * The ingest stages that the inbound routes call by name (normalisation per channel, the hand-off
 * to the writer), the port behind which the writer's queue sits, trap definitions and ingest metrics.
 */
package io.beacon.event.ingest.application;
