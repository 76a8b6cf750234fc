/** The decision tables under {@code decisions/}: the areas' decision ports, evaluated by Camunda's DMN engine. */
package io.beacon.workflows.decision;
