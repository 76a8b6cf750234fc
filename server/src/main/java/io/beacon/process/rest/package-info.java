/** The task inbox over HTTP ({@code /api/tasks}, claim, complete) and the change process diagram. */
package io.beacon.process.rest;
