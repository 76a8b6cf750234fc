package io.beacon.correlation.domain;

/**
 * A problem alarm that would page someone, as correlation sees it.
 *
 * @param reductionKey what makes two events the same problem (flapping and recurrence follow it)
 * @param ciId         the CI the alarm is about, or null when no CI is known (then no topology applies)
 * @param label        how reasons name the alarm, e.g. {@code "linkDown on core-sw-1"}
 */
public record AlarmSignal(long alarmId, String reductionKey, Long ciId, String label) {}
