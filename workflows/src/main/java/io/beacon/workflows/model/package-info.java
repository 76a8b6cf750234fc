/** Remodelling without a release: the deployed processes and decision tables, their versions, the checks an upload must pass. */
package io.beacon.workflows.model;
