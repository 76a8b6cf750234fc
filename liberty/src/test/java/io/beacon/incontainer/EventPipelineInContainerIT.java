package io.beacon.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.cmdb.application.CmdbService;
import io.beacon.correlation.application.CorrelationEngine;
import io.beacon.cmdb.domain.CiInput;
import io.beacon.event.alarm.domain.AlarmStatus;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.ingest.application.EventQueue;
import io.beacon.event.ingest.application.EventsShedException;
import io.beacon.event.ingest.application.Submission;
import io.beacon.event.ingest.domain.AlertNormaliser;
import io.beacon.event.ingest.domain.AlertmanagerAlert;
import io.beacon.event.pipeline.StormRehearsal;
import io.beacon.incontainer.PipelineDriver.Ci;
import io.beacon.incontainer.PipelineDriver.Scenario;
import io.beacon.incontainer.Stored.AlarmRow;
import io.beacon.incontainer.Stored.IncidentRow;
import io.beacon.ticket.domain.TicketStatus;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event pipeline inside the real server (Arquillian deploys Beacon's WAR with these classes
 * into a Liberty of its own, once for all of them): what needs the server's transactions, and the
 * alarm and incident scenarios of {@link PipelineDriver} over the real writer, correlator,
 * incident actions and ticket service, with the {@link ControlledClock}.
 */
@ExtendWith(ArquillianExtension.class)
class EventPipelineInContainerIT {

    @Deployment
    static WebArchive deployment() throws URISyntaxException {
        File war = new File(System.getProperty("beacon.war", "target/beacon.war"));
        return ShrinkWrap.create(ZipImporter.class, "beacon-in-container.war").importFrom(war).as(WebArchive.class)
                .addPackage(EventPipelineInContainerIT.class.getPackage())
                // The server discovers only explicit bean archives (cdi enableImplicitBeanArchives=false):
                // an empty beans.xml makes these test classes beans (annotated discovery, CDI 4).
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibrary(new File(Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }

    @Inject
    PipelineDriver driver;

    @Inject
    EventQueue queue;

    @Inject
    Stored stored;

    @Inject
    CmdbService cmdb;


    @Inject
    ControlledClock clock;

    @Inject
    StormRehearsal rehearsal;

    @Inject
    CorrelationEngine correlation;

    // --- What needs the server's transactions ---------------------------------------------------

    @Test
    void anEventIsAcknowledgedOnlyOnceANewTransactionSeesItAndItsAlarmCount() throws Exception {
        String key = "in-container-ack-" + System.nanoTime();
        NormalisedEvent first = event(key, false);
        queue.offer(new Submission(first, System.nanoTime(), new CompletableFuture<>()));
        // What another reader sees at the very moment the acknowledgement completes (on the writer's thread).
        CompletableFuture<Void> ack = new CompletableFuture<>();
        CompletableFuture<Optional<AlarmRow>> seenAtAck = ack.thenApply(v -> stored.alarm("api:" + key));
        queue.offer(new Submission(event(key, false), System.nanoTime(), ack));

        Optional<AlarmRow> seen = seenAtAck.get(60, TimeUnit.SECONDS);
        assertThat(seen).as("the alarm, read in a new transaction when the acknowledgement completed").isPresent();
        assertThat(seen.get().count()).isEqualTo(2);
        assertThat(seen.get().eventsStored()).isEqualTo(2);
    }

    @Test
    void aBatchThatCannotCommitIsNeverAcknowledgedAndLeavesNothingBehind() throws Exception {
        String key = CommitRefusingBatchWriter.REFUSED + System.nanoTime();
        CompletableFuture<Void> ack = new CompletableFuture<>();
        queue.offer(new Submission(event(key, false), System.nanoTime(), ack));

        assertThatThrownBy(() -> ack.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(EventsShedException.class);
        assertThat(stored.alarm("api:" + key)).as("the alarm of the refused batch").isEmpty();

        // The pipeline goes on: the next event is written and acknowledged.
        String next = "in-container-after-refusal-" + System.nanoTime();
        CompletableFuture<Void> nextAck = new CompletableFuture<>();
        queue.offer(new Submission(event(next, false), System.nanoTime(), nextAck));
        nextAck.get(60, TimeUnit.SECONDS);
        assertThat(stored.alarm("api:" + next)).isPresent();
    }

    /**
     * Read-your-writes: the CMDB view takes the CI in before {@code create} returns, and the pipeline
     * attributes on its own thread right before it writes. (With the old 5 s poll of the CMDB this
     * failed: the alarm landed on the bare address.)
     */
    @Test
    void anEventRightAfterACiIsCreatedIsAttributedToThatCi() throws Exception {
        String address = "10.98.0." + (1 + (int) (System.nanoTime() % 250));
        String name = "in-container-rw-" + System.nanoTime();
        long ciId = cmdb.create(new CiInput(name, "switch", null, List.of(address), null, null, Map.of())).getId();

        Scenario s = driver.scenario();
        s.linkDown(new Ci(ciId, name, address), 7).step();

        AlarmRow alarm = s.alarm("linkDown:ci" + ciId + ":7");
        assertThat(alarm.ciId()).isEqualTo(ciId);
        assertThat(s.incidentOf(alarm.reductionKey()).ciIds()).containsExactly(ciId);
    }

    /**
     * The storm the pipeline rehearses before Beacon reports ready (so that the first real storm meets
     * compiled code) opens and resolves incidents, yet leaves nothing: no alarm, event or ticket, no
     * alarm in correlation's memory, no number taken from the counter, and no gap between the incidents
     * opened just before and just after it.
     */
    @Test
    void theRehearsedStormLeavesNoTraceNotEvenAGapInTheIncidentNumbers() {
        Scenario s = driver.scenario();
        Ci before = s.ci("before-rehearsal-sw");
        s.linkDown(before, 1).step();
        long numberBefore = number(s.alarm(before.key("linkDown", 1)).incidentKey());
        Stored.Footprint footprint = stored.footprint();
        int remembered = correlation.remembered();

        StormRehearsal.Rehearsed done = rehearsal.run();

        assertThat(done.incidents()).as("incidents the rehearsal opened and resolved").isPositive();
        assertThat(stored.footprint()).isEqualTo(footprint);
        assertThat(correlation.remembered()).isEqualTo(remembered);
        Ci after = s.ci("after-rehearsal-sw");
        s.linkDown(after, 1).step();
        assertThat(number(s.alarm(after.key("linkDown", 1)).incidentKey())).isEqualTo(numberBefore + 1);
    }

    private static long number(String ticketKey) {
        return Long.parseLong(ticketKey.substring(ticketKey.indexOf('-') + 1));
    }

    // --- Scenarios over the real pipeline ---------------------------------------------------------

    @Test
    void repeatsOfOneLinkDownFoldIntoOneAlarmAndOneIncidentAndTheLinkUpResolvesIt() {
        Scenario s = driver.scenario();
        Ci sw = s.ci("core-sw");
        String key = sw.key("linkDown", 3);

        s.at(0).linkDown(sw, 3).step();
        assertThat(s.alarm(key).count()).isEqualTo(1);
        IncidentRow incident = s.incidentOf(key);
        assertThat(incident.open()).isTrue();
        assertThat(incident.ciIds()).containsExactly(sw.id());

        for (int i = 1; i <= 500; i++) {
            s.at(i / 50).linkDown(sw, 3); // 500 repeats over 10 s, in one step
        }
        s.step();
        AlarmRow a = s.alarm(key);
        assertThat(a.count()).isEqualTo(501);
        assertThat(a.eventsStored()).isEqualTo(501);
        assertThat(a.firstSeen()).isEqualTo(s.t0());
        assertThat(a.lastSeen()).isEqualTo(s.t0().plusSeconds(10));
        assertThat(s.incidentsOn(sw)).extracting(IncidentRow::key).containsExactly(incident.key());

        s.at(70).linkUp(sw, 3).step();
        a = s.alarm(key);
        assertThat(a.status()).isEqualTo(AlarmStatus.CLEARED);
        assertThat(a.severity()).isEqualTo(Severity.CLEARED);
        assertThat(a.clearedAt()).isEqualTo(s.t0().plusSeconds(70));
        IncidentRow resolved = s.incidentOf(key);
        assertThat(resolved.key()).isEqualTo(incident.key());
        assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(resolved.resolution()).contains("cleared");
    }

    @Test
    void aLinkUpOfAnotherPortClearsNothing() {
        Scenario s = driver.scenario();
        Ci sw = s.ci("edge-sw");

        s.at(0).linkDown(sw, 3).linkUp(sw, 4).step();
        assertThat(s.alarm(sw.key("linkDown", 3)).status()).isEqualTo(AlarmStatus.ACTIVE);
        assertThat(s.hasAlarm(sw.key("linkDown", 4))).isFalse();
        assertThat(s.openIncidentsOn(sw)).hasSize(1);
    }

    /**
     * The writer may take the two in one batch (then no incident opens at all) or in two (then the
     * incident opens and is resolved). Either way nothing is left open for a link that is up. With
     * two writers on the alarm rows the incident desk could open the incident after the clear was
     * written and leave it open (an OptimisticLockException in the log): this test failed so in 2 of
     * 3 runs then; the pipeline now has one writer per alarm row.
     */
    @Test
    void downAndUpInOneStepLeaveAClearedAlarmAndNoOpenIncident() {
        Scenario s = driver.scenario();
        Ci sw = s.ci("blip-sw");
        String key = sw.key("linkDown", 3);

        s.at(0).linkDown(sw, 3).at(1).linkUp(sw, 3).step();
        assertThat(s.alarm(key).status()).isEqualTo(AlarmStatus.CLEARED);
        assertThat(s.openIncidentsOn(sw)).as("nobody is called for a link that is up again").isEmpty();

        s.at(300).linkDown(sw, 3).step();
        AlarmRow back = s.alarm(key);
        assertThat(back.status()).isEqualTo(AlarmStatus.ACTIVE);
        assertThat(back.count()).isEqualTo(2);
        assertThat(s.openIncidentsOn(sw)).hasSize(1);
    }

    @Test
    void aProblemReturningSoonAfterItsIncidentWasResolvedReopensItAndLaterOpensANewOne() {
        Scenario s = driver.scenario();
        Ci sw = s.ci("recurring-sw");
        String key = sw.key("linkDown", 3);

        s.at(0).linkDown(sw, 3).step();
        String first = s.incidentOf(key).key();
        s.at(60).linkUp(sw, 3).step();
        assertThat(s.incidentOf(key).status()).isEqualTo(TicketStatus.RESOLVED);

        s.at(120).linkDown(sw, 3).step(); // within the recurrence window (1 h)
        IncidentRow reopened = s.incidentOf(key);
        assertThat(reopened.key()).isEqualTo(first);
        assertThat(reopened.open()).isTrue();
        assertThat(reopened.notes()).anyMatch(n -> n.contains("returned"));

        s.at(180).linkUp(sw, 3).step();
        s.at(180 + 2 * 3600).linkDown(sw, 3).step(); // long after: a new incident
        IncidentRow fresh = s.incidentOf(key);
        assertThat(fresh.key()).isNotEqualTo(first);
        assertThat(fresh.open()).isTrue();
        assertThat(s.incidentsOn(sw)).extracting(IncidentRow::key).containsExactly(first, fresh.key());
        assertThat(s.openIncidentsOn(sw)).extracting(IncidentRow::key).containsExactly(fresh.key());
    }

    @Test
    void belowTheThresholdThereIsAnAlarmButNoIncident() {
        Scenario s = driver.scenario();
        Ci sw = s.ci("rebooted-sw");

        s.at(0).coldStart(sw).step();
        AlarmRow a = s.alarm(sw.key("coldStart"));
        assertThat(a.severity()).isEqualTo(Severity.WARNING);
        assertThat(a.incidentId()).isNull();
        assertThat(s.incidentsOn(sw)).isEmpty();
    }

    @Test
    void aFlappingLinkKeepsOneIncidentOpenUntilItHasBeenQuietLongEnough() {
        Scenario s = driver.scenario();
        Ci sw = s.ci("flappy-sw");
        String key = sw.key("linkDown", 1);

        for (int i = 0; i < 5; i++) { // down and up every two minutes: more than 3 raises within 30 min
            s.at(i * 120L).linkDown(sw, 1).step();
            s.at(i * 120L + 60).linkUp(sw, 1).step();
        }
        AlarmRow a = s.alarm(key);
        assertThat(a.status()).isEqualTo(AlarmStatus.CLEARED);
        assertThat(a.flapping()).isTrue();
        assertThat(s.incidentsOn(sw)).as("one incident for the whole flap").hasSize(1);
        IncidentRow incident = s.incidentOf(key);
        assertThat(incident.open()).as("kept open while the link may come back").isTrue();
        assertThat(incident.notes()).anyMatch(n -> n.contains("flapping"));

        s.at(540 + 14 * 60).step(); // 14 min quiet: not yet
        assertThat(s.incidentOf(key).open()).isTrue();
        s.at(540 + 15 * 60).step(); // 15 min quiet: the tick resolves it
        assertThat(s.incidentOf(key).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(s.alarm(key).flapping()).isFalse();
    }

    @Test
    void aRootCauseAndTheAlarmsBehindItMakeOneIncident() {
        Scenario s = driver.scenario();
        Ci core = s.ci("core");
        Ci a1 = s.ci("access-1");
        Ci a2 = s.ci("access-2");
        Ci a3 = s.ci("access-3");
        s.connect(a1, core).connect(a2, core).connect(a3, core);

        s.at(0).linkDown(core, 1).step();
        s.at(5).linkDown(a1, 1).linkDown(a2, 1).linkDown(a3, 1).step();

        IncidentRow root = s.incidentOf(core.key("linkDown", 1));
        assertThat(s.openIncidentsOn(core, a1, a2, a3)).extracting(IncidentRow::key).containsExactly(root.key());
        for (Ci dependant : List.of(a1, a2, a3)) {
            AlarmRow symptom = s.alarm(dependant.key("linkDown", 1));
            assertThat(symptom.rootCauseAlarmId()).isEqualTo(s.alarm(core.key("linkDown", 1)).id());
            assertThat(symptom.suppressionKind()).isEqualTo("root_cause");
        }
        for (Ci dependant : List.of(a1, a2, a3)) { // listed on the root's incident (in one note per batch that brought them)
            assertThat(root.notes()).anyMatch(n -> n.contains("attached as symptoms") && n.contains(dependant.name()));
        }
    }

    @Test
    void aRootCauseArrivingAfterItsDependantsAbsorbsTheirIncidents() {
        Scenario s = driver.scenario();
        Ci core = s.ci("late-core");
        Ci a1 = s.ci("late-access-1");
        Ci a2 = s.ci("late-access-2");
        s.connect(a1, core).connect(a2, core);

        s.at(0).linkDown(a1, 1).linkDown(a2, 1).step();
        assertThat(s.openIncidentsOn(a1, a2)).hasSize(2);

        s.at(30).linkDown(core, 1).step(); // within the symptom window (5 min)
        IncidentRow root = s.incidentOf(core.key("linkDown", 1));
        assertThat(s.openIncidentsOn(core, a1, a2)).extracting(IncidentRow::key).containsExactly(root.key());
        assertThat(s.incidentOf(a1.key("linkDown", 1)).key()).isEqualTo(root.key());
        assertThat(s.incidentsOn(a1, a2)).filteredOn(i -> !i.key().equals(root.key()))
                .allSatisfy(merged -> assertThat(merged.resolution()).startsWith("Merged into " + root.key()));
    }

    @Test
    void plannedMaintenanceHoldsBackTheIncidentUntilItsWindowEnds() {
        Scenario s = driver.scenario();
        Ci sw = s.ci("maintained-sw");
        String key = sw.key("linkDown", 2);
        s.maintenance(0, 1800, sw);

        s.at(60).linkDown(sw, 2).step();
        AlarmRow a = s.alarm(key);
        assertThat(a.suppressionKind()).isEqualTo("maintenance");
        assertThat(a.incidentId()).isNull();
        assertThat(s.incidentsOn(sw)).isEmpty();

        s.at(1800).step(); // the window ends with the link still down
        IncidentRow incident = s.incidentOf(key);
        assertThat(incident.open()).isTrue();
        assertThat(incident.notes()).anyMatch(n -> n.contains("still active when maintenance window"));
    }

    @Test
    void alertmanagerRedeliveriesCountOnceResolvedClearsAndOnlyANewOccurrenceComesBack() {
        Scenario s = driver.scenario();
        Ci node = s.ci("monitored-node");
        AlertmanagerAlert firing = new AlertmanagerAlert("firing",
                Map.of("alertname", "HighLatency", "severity", "critical", "instance", node.address() + ":9100"),
                Map.of("summary", "p99 latency over 2 s"), "2026-11-27T09:59:00Z", "0001-01-01T00:00:00Z",
                "fp-" + node.id(), null);
        String key = "alertmanager:fp-" + node.id();

        for (int minute = 1; minute <= 3; minute++) { // the group re-sent, and an HA peer's duplicate
            s.at(minute * 60L).alert(firing).step();
        }
        AlarmRow a = s.alarm(key);
        assertThat(a.count()).isEqualTo(1);
        assertThat(a.ciId()).isEqualTo(node.id());
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        IncidentRow incident = s.incidentOf(key);
        assertThat(s.incidentsOn(node)).extracting(IncidentRow::key).containsExactly(incident.key());

        AlertmanagerAlert resolved = new AlertmanagerAlert("resolved", firing.labels(), firing.annotations(),
                firing.startsAt(), "2026-11-27T10:05:00Z", firing.fingerprint(), null);
        s.at(240).alert(resolved).alert(resolved).step();
        assertThat(s.alarm(key).status()).isEqualTo(AlarmStatus.CLEARED);
        assertThat(s.incidentOf(key).status()).isEqualTo(TicketStatus.RESOLVED);

        s.at(300).alert(firing).step(); // the same occurrence, redelivered late
        assertThat(s.alarm(key).status()).isEqualTo(AlarmStatus.CLEARED);
        assertThat(s.incidentOf(key).status()).isEqualTo(TicketStatus.RESOLVED);

        AlertmanagerAlert again = new AlertmanagerAlert("firing", firing.labels(), firing.annotations(),
                "2026-11-27T10:20:00Z", null, firing.fingerprint(), null);
        s.at(360).alert(again).step(); // a new occurrence, soon after: the same incident reopens
        assertThat(s.alarm(key).status()).isEqualTo(AlarmStatus.ACTIVE);
        assertThat(s.alarm(key).count()).isEqualTo(2);
        assertThat(s.incidentOf(key).key()).isEqualTo(incident.key());
        assertThat(s.incidentOf(key).open()).isTrue();
    }

    @Test
    void aGenericEventForAnUnknownCiIsKeptAndClearsByItsKey() {
        Scenario s = driver.scenario();
        String host = "db-" + System.nanoTime();
        AlertNormaliser generic = new AlertNormaliser(Severity.WARNING);

        s.at(0).event(generic.generic("nagios", host, Severity.MAJOR, "DiskFull", "/var is 99% full", host + "/disk",
                false, Map.of(), s.now())).step();
        AlarmRow a = s.alarm("api:" + host + "/disk");
        assertThat(a.ciId()).isNull();
        assertThat(s.incidentOf(a.reductionKey()).open()).isTrue();

        s.at(60).event(generic.generic("nagios", host, null, "DiskFull", null, host + "/disk", true, Map.of(),
                s.now())).step();
        assertThat(s.alarm(a.reductionKey()).status()).isEqualTo(AlarmStatus.CLEARED);
        assertThat(s.incidentOf(a.reductionKey()).status()).isEqualTo(TicketStatus.RESOLVED);
    }

    private NormalisedEvent event(String key, boolean clear) {
        return new AlertNormaliser(Severity.WARNING).generic("in-container", null, Severity.MAJOR,
                "InContainerCheck", "written by the in-container test", key, clear, Map.of(), clock.now());
    }
}
