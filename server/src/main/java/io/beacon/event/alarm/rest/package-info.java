/** The alarm and event API. */
package io.beacon.event.alarm.rest;
