/** The ingest entry point that channels call, the hand-off port to the writer, trap definitions and ingest metrics. */
package io.beacon.event.ingest.application;
