package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Browser;
import io.beacon.it.support.BrowserExtension;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The administrator's "Processes and decisions" page: a refused upload shows what is wrong, a good one and a rollback show at once. */
@ExtendWith({BeaconServerExtension.class, BrowserExtension.class})
class ModelsConsoleIT {

    @AfterAll
    static void restoreTheBuiltInTable() {
        ModelApiIT.restoreTheBuiltInTable();
    }

    private static String activeOf(Browser browser) {
        return browser.find(By.cssSelector("[data-model='changeApproval'] [data-active]")).getDomAttribute("data-active");
    }

    @Test
    void anAdministratorUploadsATableAndRollsItBack(Browser browser) throws Exception {
        JsonPath model = asAdmin().get(ModelApiIT.TABLE).then().statusCode(200).extract().jsonPath();
        int before = model.getInt("activeVersion");
        String changed = ModelApiIT.oneApproval(ModelApiIT.xml(before));
        Path dir = Files.createTempDirectory("models-it");
        Path dmn = Files.writeString(dir.resolve("changeApproval.dmn"), changed, StandardCharsets.UTF_8);
        Path cases = Files.writeString(dir.resolve("changeApproval.cases.json"), ModelApiIT.oneApprovalCases());

        browser.signIn("admin", BeaconServer.ADMIN_PASSWORD);
        browser.click(By.id("nav-models"));
        browser.waitFor(By.id("model-list"));
        assertThat(browser.findAll(By.cssSelector("#model-list tbody tr"))).hasSizeGreaterThanOrEqualTo(6);
        browser.click(By.id("model-link-changeApproval"));
        browser.waitFor(By.cssSelector("[data-model='changeApproval']"));

        // without its own cases the changed table fails the shipped ones: the page lists them
        browser.find(By.id("model-changeApproval-file")).sendKeys(dmn.toString());
        browser.click(By.id("model-changeApproval-upload"));
        browser.waitFor(By.cssSelector("[data-model='changeApproval'] [data-testid='error'] li"));
        assertThat(browser.findAll(By.cssSelector("[data-model='changeApproval'] [data-testid='error'] li")))
                .hasSize(2).allMatch(li -> li.getText().startsWith("model: sample case {"));
        assertThat(activeOf(browser)).isEqualTo(String.valueOf(before));
        browser.consoleEntries(); // the refused upload's 422 is expected

        browser.find(By.id("model-changeApproval-file")).sendKeys(dmn.toString());
        browser.find(By.id("model-changeApproval-cases")).sendKeys(cases.toString());
        browser.click(By.id("model-changeApproval-upload"));
        browser.waitUntil(d -> String.valueOf(before + 1).equals(activeOf(browser)), "the uploaded version active");
        assertThat(browser.find(By.cssSelector("[data-model='changeApproval'] tr[data-version='" + (before + 1) + "']")).getText())
                .contains("admin");
        browser.screenshot("models");

        browser.click(By.cssSelector("[data-model='changeApproval'] [data-rollback='" + before + "']"));
        browser.waitUntil(d -> String.valueOf(before + 2).equals(activeOf(browser)), "the rollback active");
        asAdmin().get(ModelApiIT.TABLE).then().statusCode(200)
                .body("versions[-1].rollbackOf", org.hamcrest.Matchers.equalTo(before));
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
