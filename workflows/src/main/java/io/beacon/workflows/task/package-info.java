/** User tasks of every process for the task inbox, and process state for the API. */
package io.beacon.workflows.task;
