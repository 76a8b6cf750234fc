/** Changes over HTTP: {@code /api/changes}, their process state, and approvers' substitutes. */
package io.beacon.change.rest;
