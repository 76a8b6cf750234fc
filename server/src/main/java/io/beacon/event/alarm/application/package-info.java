/** The batch writer that persists events and reduces them into alarms, and the alarm reads people use. */
package io.beacon.event.alarm.application;
