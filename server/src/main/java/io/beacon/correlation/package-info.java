/** Correlation: root cause, planned work, flapping and recurrence decided in plain Java; the area's settings sit here. */
package io.beacon.correlation;
