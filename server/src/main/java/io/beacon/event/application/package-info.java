/** Event intake, the batching ingest writer, the CI index, auto-incidents and the ports inbound channels use. */
package io.beacon.event.application;
