/** Stage two of the event path: events persisted and reduced into alarms, and what people read and acknowledge of them. */
package io.beacon.event.alarm;
