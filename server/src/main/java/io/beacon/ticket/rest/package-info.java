/** The tickets REST API: open, list, read, change, comment on and attach files to tickets. */
package io.beacon.ticket.rest;
