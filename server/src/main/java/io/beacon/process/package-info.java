/** Processes: what the console and API see of BPMN processes and tasks; the area's settings (the engine's) sit here. */
package io.beacon.process;
