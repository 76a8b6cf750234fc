/** Alarms, the events they fold, and the reduction rules that fold them: plain Java. */
package io.beacon.event.alarm.domain;
