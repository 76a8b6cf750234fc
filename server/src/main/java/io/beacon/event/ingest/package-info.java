/** Stage one of the event path: what channels hand in, normalised and attributed to a CI, up to the hand-off port to the writer. */
package io.beacon.event.ingest;
