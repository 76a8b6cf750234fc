/** Camunda process engine bootstrap, the thin delegates that BPMN files call (ticket and change flows) and the DMN decisions behind the areas' decision ports. */
package io.beacon.workflows;
