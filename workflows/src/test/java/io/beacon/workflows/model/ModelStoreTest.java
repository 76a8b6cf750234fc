package io.beacon.workflows.model;

import static io.beacon.workflows.model.ModelRulesTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.change.application.ApprovalDecision;
import io.beacon.change.domain.ApprovalRule;
import io.beacon.change.domain.ChangeType;
import io.beacon.change.domain.Risk;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.process.application.ProcessModel;
import io.beacon.workflows.decision.CamundaApprovalDecision;
import io.beacon.workflows.decision.DecisionTables;
import io.beacon.workflows.engine.InMemoryEngine;
import io.beacon.workflows.engine.ProcessFiles;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Versions in Camunda's repository: an upload applies to the next evaluation, a rollback restores, a release keeps it. */
class ModelStoreTest {
    ProcessEngine engine;
    ModelStore store;
    ApprovalDecision approval;

    @BeforeEach
    void start() {
        engine = InMemoryEngine.start("model-store-test", Map.of());
        store = new ModelStore(engine);
        approval = new CamundaApprovalDecision(DecisionTables.on(engine));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private ApprovalRule highRiskRule() {
        return approval.approval(ChangeType.NORMAL, Risk.fromCode("risk", "high")).rule();
    }

    private ProcessModel.Version uploadOneApproval() {
        return store.deploy("changeApproval", bytes(ModelRulesTest.oneApprovalForHighRisk()),
                bytes(ModelRulesTest.casesWithOneApprovalForHighRisk()), "admin", ModelStore.UPLOADED, null);
    }

    @Test
    void anUploadAppliesToTheNextEvaluationAndARollbackRestoresTheBuiltIn() {
        assertThat(highRiskRule()).isEqualTo(ApprovalRule.ALL);
        ProcessModel.Version v2 = uploadOneApproval();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.source()).isEqualTo("uploaded");
        assertThat(v2.deployedBy()).isEqualTo("admin");
        assertThat(v2.active()).isTrue();
        assertThat(highRiskRule()).isEqualTo(ApprovalRule.ONE);

        ProcessModel.Version v3 = store.rollback("changeApproval", 1, "root");
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.rollbackOf()).isEqualTo(1);
        assertThat(v3.source()).isEqualTo("built-in");
        assertThat(v3.deployedBy()).isEqualTo("root");
        assertThat(highRiskRule()).isEqualTo(ApprovalRule.ALL);
        assertThat(store.model("changeApproval").versions()).extracting(ProcessModel.Version::active)
                .containsExactly(false, false, true);
        // the rollback of an upload brings its own sample cases along, so it passes again
        assertThat(store.rollback("changeApproval", 2, "root").source()).isEqualTo("uploaded");
        assertThat(highRiskRule()).isEqualTo(ApprovalRule.ONE);
        assertThat(new String(store.file("changeApproval", 2).content())).contains("\"one\"");
        assertThat(store.file("changeApproval", 2).fileName()).isEqualTo("changeApproval-v2.dmn");
        // the cases each version was checked against: its own, or the shipped ones
        assertThat(new String(store.cases("changeApproval", 2).content())).doesNotContain("\"all\"");
        assertThat(new String(store.cases("changeApproval", 1).content())).contains("\"approvalRule\": \"all\"");
    }

    @Test
    void aRefusedUploadDeploysNothing() {
        assertThatThrownBy(() -> store.deploy("changeApproval", bytes(ModelRulesTest.oneApprovalForHighRisk()), null,
                "admin", ModelStore.UPLOADED, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("changeApproval keeps its active version): 2 problems")
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).allMatch(f -> f.message().startsWith("sample case")));
        assertThat(store.model("changeApproval").versions()).hasSize(1);
        assertThat(highRiskRule()).isEqualTo(ApprovalRule.ALL);
    }

    @Test
    void aRestartDoesNotReplaceAnUploadAndANewBuiltInIsDeployedUnderIt() {
        uploadOneApproval();
        ProcessFiles.deploy(engine); // a restart with the same built-in files: nothing new
        assertThat(store.keepUploadsOverNewBuiltIns()).isEmpty();
        assertThat(store.model("changeApproval").activeVersion()).isEqualTo(2);
        assertThat(highRiskRule()).isEqualTo(ApprovalRule.ONE);

        // a release changes the built-in table (a comment is enough): it becomes version 3, the upload version 4
        String changed = new String(BuiltInModels.find("changeApproval").orElseThrow().xml())
                .replace("<decision id=", "<!-- next release --><decision id=");
        engine.getRepositoryService().createDeployment().name(ProcessFiles.DEPLOYMENT_NAME).source("beacon")
                .enableDuplicateFiltering(true)
                .addInputStream("decisions/changeApproval.dmn", new ByteArrayInputStream(bytes(changed))).deploy();
        assertThat(store.keepUploadsOverNewBuiltIns()).singleElement().asString().contains("stays active");
        ProcessModel model = store.model("changeApproval");
        assertThat(model.versions()).extracting(ProcessModel.Version::source)
                .containsExactly("built-in", "uploaded", "built-in", "uploaded");
        assertThat(model.activeVersion()).isEqualTo(4);
        assertThat(highRiskRule()).isEqualTo(ApprovalRule.ONE);
    }

    @Test
    void unknownModelsAndVersionsAreNotFound() {
        assertThatThrownBy(() -> store.model("nope")).hasMessageContaining("nope not found");
        assertThatThrownBy(() -> store.file("changeApproval", 9)).hasMessageContaining("9 of changeApproval not found");
    }
}
