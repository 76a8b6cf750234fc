/** Runs the event path's stages in order on the writer thread: the in-process implementation of the ingest hand-off. */
package io.beacon.event.pipeline;
