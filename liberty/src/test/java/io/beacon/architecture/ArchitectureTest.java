package io.beacon.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of ../shared/design.md, stated as rules over the compiled classes of every module. */
class ArchitectureTest {
    private static JavaClasses beacon;

    @BeforeAll
    static void importClasses() {
        beacon = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.beacon");
    }

    @Test
    void domainCodeIsPlainJavaWithoutFrameworks() {
        noClasses().that().resideInAPackage("io.beacon..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.ws.rs..", "jakarta.enterprise..", "jakarta.inject..", "jakarta.transaction..",
                        "jakarta.servlet..", "org.hibernate..", "org.apache.camel..", "org.camunda..",
                        "org.snmp4j..", "jakarta.mail..", "org.flywaydb..", "org.eclipse.microprofile..")
                .because("domain rules must be testable with a clock and no server")
                .check(beacon);
    }

    @Test
    void areasDependOnEachOtherWithoutCycles() {
        // platform is a slice too: it depends on no area (the next rule), so it can sit in no cycle.
        slices().matching("io.beacon.(*)..").namingSlices("area $1")
                .should().beFreeOfCycles()
                .because("an area builds on the areas below it and on platform; a cycle would make two areas one")
                .check(beacon);
    }

    @Test
    void platformDependsOnNoArea() {
        noClasses().that().resideInAPackage("io.beacon.platform..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.beacon..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.beacon.platform.."))))
                .because("platform is the shared kernel: areas plug into it through its ports (LiveAudience,"
                        + " StreamSignIns, SelfLimitedRoute, StartupEvent), it knows none of them")
                .check(beacon);
    }

    @Test
    void theEventStagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.beacon.event.(*)..").namingSlices("event stage $1")
                .should().beFreeOfCycles()
                .because("ingest, alarm, incident and the pipeline that runs them form one direction of flow")
                .check(beacon);
    }

    @Test
    void domainAndApplicationDoNotReachIntoRestOrPersistence() {
        noClasses().that().resideInAnyPackage("io.beacon..domain..", "io.beacon..application..")
                .should().dependOnClassesThat().resideInAnyPackage("io.beacon..rest..", "io.beacon..persistence..")
                .allowEmptyShould(true)
                .check(beacon);
    }

    @Test
    void onlyTheRestLayerSpeaksJaxRs() {
        noClasses().that().resideOutsideOfPackages("io.beacon..rest..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .check(beacon);
    }

    @Test
    void onlyWorkflowsUseTheProcessEngine() {
        noClasses().that().resideOutsideOfPackage("io.beacon.workflows..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.operaton..")
                .check(beacon);
    }

    @Test
    void processStepsStayThinAndGoThroughApplicationServices() {
        noClasses().that().resideInAPackage("io.beacon.workflows..")
                .should().dependOnClassesThat().resideInAnyPackage("io.beacon..persistence..", "io.beacon..rest..",
                        "jakarta.persistence..", "jakarta.ws.rs..")
                .because("BPMN delegates call application services; they neither query nor serve HTTP themselves")
                .check(beacon);
    }

    @Test
    void onlyIntegrationsUseCamelSnmpAndMail() {
        noClasses().that().resideOutsideOfPackage("io.beacon.integrations..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.snmp4j..", "jakarta.mail..")
                .check(beacon);
    }

    @Test
    void theServerModuleDoesNotDependOnOuterModules() {
        noClasses().that().resideOutsideOfPackages("io.beacon.workflows..", "io.beacon.integrations..")
                .should().dependOnClassesThat().resideInAnyPackage("io.beacon.workflows..", "io.beacon.integrations..")
                .because("workflows and integrations implement ports that the server declares")
                .check(beacon);
    }

    @Test
    void onlyTheSnmpChannelSpeaksSnmp4j() {
        noClasses().that().resideOutsideOfPackage("io.beacon.integrations.snmp..")
                .should().dependOnClassesThat().resideInAPackage("org.snmp4j..")
                .because("traps enter through one receiver; the server sees plain Trap records")
                .check(beacon);
    }

    @Test
    void eventIngestionReachesTicketsOnlyThroughTheirApplicationService() {
        noClasses().that().resideInAPackage("io.beacon.event..")
                .should().dependOnClassesThat().resideInAnyPackage("io.beacon.ticket.persistence..", "io.beacon.ticket.rest..")
                .because("incidents are opened and resolved by TicketService, with its rules and audit")
                .check(beacon);
    }

    @Test
    void correlationDecidesWithoutKnowingWhoCarriesItOut() {
        noClasses().that().resideInAPackage("io.beacon.correlation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.beacon.event..", "io.beacon.ticket..",
                        "io.beacon.change..")
                .because("correlation reads topology and planned work through ports; the event area acts on its decisions")
                .check(beacon);
    }

    @Test
    void theMailChannelReachesTheDeskOnlyThroughItsApplicationServices() {
        noClasses().that().resideInAPackage("io.beacon.integrations.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("io.beacon..persistence..", "io.beacon..rest..")
                .check(beacon);
        noClasses().that().resideInAPackage("io.beacon.mail.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.beacon.mail.application..")
                .check(beacon);
    }

    @Test
    void liveUpdatesKnowNoAreaAndAreasFireThemWithoutTheStream() {
        noClasses().that().resideInAPackage("io.beacon.platform.live..")
                .should().dependOnClassesThat().resideInAnyPackage("io.beacon.ticket..", "io.beacon.cmdb..")
                .because("areas declare who may see their updates (LiveAudience); the stream knows no area")
                .check(beacon);
        noClasses().that().resideOutsideOfPackage("io.beacon.platform.live.rest..")
                .should().dependOnClassesThat().resideInAPackage("io.beacon.platform.live.rest..")
                .because("areas fire LiveUpdate events; only the stream itself holds the open connections")
                .check(beacon);
    }

    @Test
    void reportsOnlyReadAndNothingDependsOnThem() {
        noClasses().that().resideInAPackage("io.beacon.report..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                                "io.beacon..application..", "io.beacon..persistence..", "io.beacon..rest..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.beacon.report.."))))
                .because("reports add up what other areas stored, in SQL; they call no other area's services")
                .check(beacon);
        noClasses().that().resideOutsideOfPackage("io.beacon.report..")
                .should().dependOnClassesThat().resideInAPackage("io.beacon.report..")
                .because("the dashboard's reports are a leaf: no area waits on them")
                .check(beacon);
    }

    @Test
    void everyEndpointStatesWhoMayCallIt() {
        methods().that().areAnnotatedWith(jakarta.ws.rs.GET.class)
                .or().areAnnotatedWith(jakarta.ws.rs.POST.class)
                .or().areAnnotatedWith(jakarta.ws.rs.PUT.class)
                .or().areAnnotatedWith(jakarta.ws.rs.PATCH.class)
                .or().areAnnotatedWith(jakarta.ws.rs.DELETE.class)
                .should(declareWhoMayCall())
                .check(beacon);
    }

    private static ArchCondition<JavaMethod> declareWhoMayCall() {
        return new ArchCondition<>("be annotated (or sit in a class annotated) with @RolesAllowed, @PermitAll or @DenyAll") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean onMethod = method.isAnnotatedWith(RolesAllowed.class) || method.isAnnotatedWith(PermitAll.class)
                        || method.isAnnotatedWith(DenyAll.class);
                var owner = method.getOwner();
                boolean onClass = owner.isAnnotatedWith(RolesAllowed.class) || owner.isAnnotatedWith(PermitAll.class)
                        || owner.isAnnotatedWith(DenyAll.class);
                events.add(new SimpleConditionEvent(method, onMethod || onClass,
                        method.getFullName() + " has no role annotation"));
            }
        };
    }
}
