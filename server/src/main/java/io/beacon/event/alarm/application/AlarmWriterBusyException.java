package io.beacon.event.alarm.application;

/** A command for the alarm writer did not run in time (or could not be queued): the caller may retry. */
public class AlarmWriterBusyException extends RuntimeException {
    public AlarmWriterBusyException(String message) {
        super(message);
    }
}
