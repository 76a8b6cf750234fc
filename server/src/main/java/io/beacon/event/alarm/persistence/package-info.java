/** JPA repositories of alarms and events. */
package io.beacon.event.alarm.persistence;
