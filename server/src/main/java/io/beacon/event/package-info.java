/** The event path, by stage: ingest (receive, normalise, attribute), alarm (persist and reduce), incident (correlate and act), and the pipeline that runs them; the area's settings sit here. */
package io.beacon.event;
