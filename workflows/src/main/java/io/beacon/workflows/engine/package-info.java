/** The embedded Camunda engine: its configuration on Liberty's transactions, CDI beans for BPMN, deployment. */
package io.beacon.workflows.engine;
