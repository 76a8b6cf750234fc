/** The change-management process: its port implementation and the thin steps its BPMN calls. */
package io.beacon.workflows.change;
