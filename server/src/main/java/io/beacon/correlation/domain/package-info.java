/**
 * Event correlation as plain rules over time: which problem alarm is a root cause, which are its
 * symptoms, which are explained by planned work (an approved change or a maintenance window), which
 * flap, and which return after their incident was resolved; every verdict says why.
 *
 * <p>{@link io.beacon.correlation.domain.Correlator} asks one named rule after another over a shared
 * {@link io.beacon.correlation.domain.CorrelationMemory}; each rule says when it fires and which
 * {@link io.beacon.correlation.domain.Decision} it takes:
 * <ul>
 *   <li>{@link io.beacon.correlation.domain.PlannedWorkRule}: planned work under way on the CI or upstream: Suppress.</li>
 *   <li>{@link io.beacon.correlation.domain.RootCauseRule}: an incident upstream: AttachSymptom.</li>
 *   <li>{@link io.beacon.correlation.domain.RecurrenceRule}: back soon after its incident was resolved: ReopenIncident.</li>
 *   <li>{@link io.beacon.correlation.domain.NewIncidentRule}: nothing explains it: OpenIncident.</li>
 *   <li>{@link io.beacon.correlation.domain.SuspectChangeRule}: a change upstream ended shortly before: the OpenIncident names it.</li>
 *   <li>{@link io.beacon.correlation.domain.LateRootCauseMergeRule}: the root cause arrived after its dependants: MergeIncident.</li>
 *   <li>{@link io.beacon.correlation.domain.FlappingRule}: raised too often: MarkFlapping; its incident stays open until quiet, then ResolveIncident.</li>
 *   <li>{@link io.beacon.correlation.domain.ResolutionRule}: an incident's alarm cleared: ResolveIncident.</li>
 *   <li>{@link io.beacon.correlation.domain.RootCauseClearedRule}: a root cause cleared: its symptoms are decided again.</li>
 *   <li>{@link io.beacon.correlation.domain.PlannedWorkEndedRule}: planned work ended with alarms still active: they are
 *       decided again, an outlived change named on their OpenIncident.</li>
 * </ul>
 */
package io.beacon.correlation.domain;
