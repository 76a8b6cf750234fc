/** Camunda process engine bootstrap and the thin delegates that BPMN files call (ticket and change flows). */
package io.beacon.workflows;
