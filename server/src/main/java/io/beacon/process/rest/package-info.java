/** The task inbox over HTTP: {@code /api/tasks}, claim, complete. */
package io.beacon.process.rest;
