package io.minxin.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.demo.DemoMonth;
import io.minxin.demo.ReferenceCases;
import io.minxin.e2e.support.Browser;
import io.minxin.e2e.support.Dashboard;
import io.minxin.e2e.support.DemoLoad;
import io.minxin.e2e.support.EventFeed;
import io.minxin.e2e.support.Json;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.Response;
import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real chromium, through the gateway of a Minxin of its own whose notice-service reviews every
 * 较差件 candidate, on the seed month: the operator signs in, sees the month and opens a ranking row's 排名依据 from
 * the keyboard (read only then), confirms a candidate with a ruling from the keyboard, closes the month from its page
 * and watches the steps, edits the bulletin draft (签发人 and one 情况说明, found by their labels), issues it,
 * downloads it and issues a 更正; a unit's liaison sees its own rows, page and cases only (another unit's page and
 * case are refused); a leader changes nothing. Every page is kept as a screenshot under
 * {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final String FOOD_SAFETY = ReferenceCases.FOOD_SAFETY.caseId();
    private static final String RULING = "该诉求实际问题为流动商贩问题，应由综合执法局处理";
    private static final String UNIT_NAME = ReferenceCases.FOOD_SAFETY.unit().unitName();
    private static final String SIGNER = "张华";
    private static final String CORRECTED_SIGNER = "王强";
    private static final String EXPLANATION = "经复核，该件经两次退回后由责任单位办结，退件理由不成立。";

    private static Minxin minxin;
    private static DemoMonth demo;
    private static Dashboard dashboard;
    private static String month;

    @BeforeAll
    static void startAReviewingMinxinWithTheSeedMonth() {
        minxin = Minxin.startWith("console", Map.of("MINXIN_NOTICE_REVIEW_MODE", "review"));
        demo = DemoMonth.generate();
        month = demo.month().toString();
        dashboard = DemoLoad.dashboard(minxin);
        DemoLoad.feed(minxin).send(EventFeed.lines(demo.events(), null), DemoLoad.BATCH);
        DemoLoad.awaitOverview(dashboard, demo);
        DemoLoad.awaitRankingInputs(dashboard, demo);
        await("the candidates of " + month + " in the review queue")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(reviewed("PENDING")).contains(FOOD_SAFETY));
    }

    @AfterAll
    static void stop() {
        if (minxin != null) {
            minxin.close();
        }
    }

    @Test
    @Order(1)
    void theOperatorSignsInAndSeesTheMonth() {
        try (Browser browser = browser()) {
            assertThat(browser.go("/console/")).isEqualTo("/console/sign-in");
            browser.screenshot("sign-in");

            browser.signIn("operator", minxin.keys().operatorPassword());
            browser.go("/console/?period=" + month);

            browser.awaitText("2020年9月");
            browser.find(By.cssSelector("#trend-chart svg"));
            browser.screenshot("month-operator");
            assertThat(browser.text()).contains("话务端", "网络端", "%");
            assertThat(browser.driver().findElements(By.cssSelector("table.ranking-table tbody tr")))
                    .as("both channels' rankings, a row per unit")
                    .hasSizeGreaterThan(10);

            // a row's 排名依据 is not on the page until it is opened, from the keyboard: Enter on its summary
            Counts counts =
                    demo.expected().unit(ReferenceCases.FOOD_SAFETY.unit().unitId(), Channel.PHONE);
            String inputs = "受理 " + counts.received() + " 件，办结 " + counts.concluded() + " 件，回访 " + counts.visited()
                    + " 件，退件 " + counts.returns() + " 件，推诿 " + counts.pushbacks() + " 件";
            assertThat(browser.driver().getPageSource()).doesNotContain(inputs);
            WebElement why =
                    browser.find(By.xpath("//section[@aria-labelledby='ranking-PHONE']//tr[.//a[normalize-space()='"
                            + UNIT_NAME + "']]//details[contains(@class, 'why')]"));
            WebElement summary = why.findElement(By.tagName("summary"));
            assertThat(summary.getAttribute("textContent")).isEqualTo("排名依据：" + UNIT_NAME);
            summary.sendKeys(Keys.ENTER);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(driver -> why.getText().contains(inputs));
            assertThat(why.getText()).doesNotContain("正在读取");
            browser.screenshot("month-row-opened");
        }
    }

    @Test
    @Order(2)
    void theOperatorConfirmsACandidateWithARulingFromTheKeyboard() {
        try (Browser browser = signedIn("operator", minxin.keys().operatorPassword())) {
            browser.go("/console/reviews?period=" + month);
            browser.screenshot("reviews-operator");
            WebElement ruling = browser.find(By.id("confirm-ruling-" + FOOD_SAFETY));

            // from the keyboard: open the confirmation (Enter on its summary), type the ruling, Tab to the form's
            // button, Enter
            ruling.findElement(By.xpath("ancestor::details/summary")).sendKeys(Keys.ENTER);
            ruling.sendKeys(RULING);
            ruling.sendKeys(Keys.TAB);
            browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);

            await("the ruling recorded")
                    .atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(reviewed("CONFIRMED")).contains(FOOD_SAFETY));
            browser.go("/console/reviews?period=" + month + "&status=CONFIRMED");
            browser.awaitText(RULING);
            browser.screenshot("reviews-confirmed");
        }
    }

    @Test
    @Order(3)
    void theOperatorClosesTheMonthFromItsPageAndWatchesItHappen() {
        try (Browser browser = signedIn("operator", minxin.keys().operatorPassword())) {
            browser.go("/console/?period=" + month);
            WebElement close =
                    browser.find(By.xpath("//section[@id='period-close']//button[normalize-space()='关账并发布排名']"));
            assertThat(browser.text()).contains("本月尚未关账");
            close.click();
            // the page asks before the month's rankings are frozen for good
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.alertIsPresent())
                    .accept();
            browser.awaitText("提交关账");
            browser.screenshot("month-closing");

            // once closed, the page reloads itself: its rankings are the published revision 1
            new WebDriverWait(browser.driver(), SETTLE)
                    .ignoring(StaleElementReferenceException.class)
                    .until(driver -> browser.text().contains("第 1 版（已发布）")
                            && browser.text().contains("本月已关账"));
            assertThat(browser.text()).contains("记入审计，关账完成", "去编辑、印发本月通报");
            browser.screenshot("month-closed");
        }
        Response revisions = minxin.gateway()
                .get("api/v1/rankings/" + month + "/revisions", minxin.keys().operator());
        assertThat(Json.items(revisions.json()))
                .as("revision 1 of both channels, published")
                .filteredOn(revision -> revision.path("revision").asInt() == 1)
                .hasSize(2)
                .allSatisfy(revision ->
                        assertThat(revision.path("status").asString()).isEqualTo("PUBLISHED"));
    }

    @Test
    @Order(4)
    void theOperatorEditsTheDraftIssuesTheBulletinDownloadsItAndCorrectsIt() throws Exception {
        try (Browser browser = signedIn("operator", minxin.keys().operatorPassword())) {
            browser.go("/console/bulletins/" + month);
            browser.screenshot("bulletin-draft");

            // 签发人 and one 较差件's 情况说明, found by their labels, saved with Enter in the note field
            WebElement signer = browser.find(By.id(forLabel(browser, "签发人")));
            signer.clear();
            signer.sendKeys(SIGNER);
            WebElement explanation = browser.find(By.cssSelector("#draft-editor textarea[name^='explanation.']"));
            String explained = explanation.getAttribute("name").substring("explanation.".length());
            explanation.clear();
            explanation.sendKeys(EXPLANATION);
            browser.find(By.id(forLabel(browser, "修改说明（可选，随修改记录保存）"))).sendKeys("按领导意见", Keys.ENTER);
            browser.awaitText("已保存：签发人、件 " + explained + " 的情况说明。");
            // the preview reloads with the edit
            new WebDriverWait(browser.driver(), SETTLE)
                    .until(driver -> previewText(browser).contains(SIGNER));
            browser.screenshot("bulletin-draft-edited");
            JsonNode draft = Json.read(minxin.gateway()
                    .get("api/v1/bulletins/" + month + "/draft", minxin.keys().operator())
                    .body());
            assertThat(draft.path("facts").path("issue").path("signer").asString())
                    .isEqualTo(SIGNER);
            assertThat(draft.path("facts").path("explanations").toString()).contains(EXPLANATION);

            browser.find(By.cssSelector("#bulletin-status button")).click();
            // the page asks before the bulletin is frozen for good
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.alertIsPresent())
                    .accept();

            await("the bulletin issued")
                    .atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(Json.read(dashboard
                                            .get("api/v1/bulletins/" + month)
                                            .body())
                                    .path("status")
                                    .asString())
                            .isEqualTo("ISSUED"));
            JsonNode issued =
                    Json.read(dashboard.get("api/v1/bulletins/" + month).body());
            assertThat(issued.path("facts").path("issue").path("signer").asString())
                    .as("the issued bulletin is the edited draft")
                    .isEqualTo(SIGNER);
            browser.go("/console/bulletins/" + month);
            browser.awaitText("编辑更正草稿（第 1 次更正）");
            assertThat(browser.driver().findElements(By.name("number")))
                    .as("the issued 文号 is not editable")
                    .isEmpty();
            browser.screenshot("bulletin-issued");

            HttpResponse<byte[]> docx = download(browser, "/console/bulletins/" + month + ".docx");
            assertThat(docx.statusCode()).isEqualTo(200);
            assertThat(docx.headers().firstValue("Content-Type"))
                    .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            assertThat(docx.body())
                    .isEqualTo(
                            dashboard.get("api/v1/bulletins/" + month + ".docx").body());

            // a 更正: the signer once more, then the statement of what it corrects
            WebElement again = browser.find(By.id(forLabel(browser, "签发人")));
            again.clear();
            again.sendKeys(CORRECTED_SIGNER, Keys.ENTER);
            browser.awaitText("已保存：签发人。");
            browser.awaitText("更正草稿改动了");
            browser.find(By.id(forLabel(browser, "更正说明（改了什么、为什么）"))).sendKeys("签发人有误，予以更正");
            browser.find(By.xpath("//section[@id='corrections']//button[normalize-space()='印发更正']"))
                    .click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.alertIsPresent())
                    .accept();
            browser.awaitText("第 1 次更正已印发");
            browser.screenshot("bulletin-corrected");
            HttpResponse<byte[]> correction = download(browser, "/console/bulletins/" + month + "/revisions/1.docx");
            assertThat(correction.statusCode()).isEqualTo(200);
            assertThat(correction.body())
                    .isEqualTo(dashboard
                            .get("api/v1/bulletins/" + month + "/revisions/1.docx")
                            .body());
        }
    }

    @Test
    @Order(5)
    void aUnitsLiaisonSeesItsOwnRowOnly() {
        String unitId = ReferenceCases.FOOD_SAFETY.unit().unitId();
        String password = openAccount("food-liaison", "dashboard", "unit:" + unitId);
        try (Browser browser = signedIn("food-liaison", password)) {
            browser.go("/console/?period=" + month);
            browser.awaitText("2020年9月");

            browser.screenshot("month-unit");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.ranking-table tbody tr"));
            assertThat(rows)
                    .as("its own row in each channel it serves")
                    .isNotEmpty()
                    .hasSizeLessThanOrEqualTo(2);
            assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains(UNIT_NAME));

            // its own page, from the nav; another unit's page is refused
            browser.find(By.linkText("本单位")).click();
            browser.awaitText("第 ");
            assertThat(browser.currentPath()).startsWith("/console/units/" + unitId);
            assertThat(browser.text()).contains(UNIT_NAME);
            browser.screenshot("unit-own");
            String other = ReferenceCases.ELEVATOR.unit().unitId();
            browser.go("/console/units/" + other + "?period=" + month);
            browser.awaitText("无权查看");
            assertThat(browser.text())
                    .doesNotContain(ReferenceCases.ELEVATOR.unit().unitName());
            browser.screenshot("unit-other-refused");

            // it disputes its 较差件 on the 申诉 page; the dispute waits for the operator
            browser.go("/console/disputes?period=" + month);
            browser.find(By.id("file-case")).sendKeys(FOOD_SAFETY);
            new Select(browser.find(By.id("file-subject"))).selectByVisibleText("较差件");
            browser.find(By.id("file-reason")).sendKeys("流动商贩问题不属于我局执法范围，请复核");
            browser.find(By.cssSelector("#disputes-board form button[type=submit]"))
                    .click();
            browser.awaitText("申诉已提交");
            browser.screenshot("disputes-unit");
            Response disputes = minxin.gateway()
                    .get("api/v1/disputes?period=" + month, minxin.keys().operator());
            assertThat(Json.items(disputes.json()))
                    .anySatisfy(dispute ->
                            assertThat(dispute.path("caseId").asString()).isEqualTo(FOOD_SAFETY));

            // its cases of the month, from the nav, and one case's 办理经过; another unit's case is refused
            browser.find(By.linkText("诉求查询")).click();
            browser.awaitText("涉及该单位的诉求");
            browser.screenshot("cases-unit");
            browser.find(By.linkText(FOOD_SAFETY)).click();
            browser.awaitText("办理经过");
            assertThat(browser.text()).contains("受理", "退件", UNIT_NAME);
            browser.screenshot("case-unit");
            browser.go("/console/cases/" + ReferenceCases.ELEVATOR.caseId());
            browser.awaitText("无权查看");
            browser.screenshot("case-other-refused");
        }
    }

    @Test
    @Order(6)
    void aLeaderReadsEverythingAndChangesNothing() {
        String password = openAccount("leader", "dashboard", "all");
        try (Browser browser = signedIn("leader", password)) {
            browser.go("/console/reviews?period=" + month + "&status=CONFIRMED");
            browser.awaitText(RULING);
            assertThat(browser.driver().findElements(By.cssSelector("textarea, .decide button")))
                    .as("no control that decides")
                    .isEmpty();
            browser.screenshot("reviews-leader");
            browser.go("/console/bulletins/" + month);
            assertThat(browser.driver()
                            .findElements(By.cssSelector("#bulletin-status button, #draft-editor, main form textarea")))
                    .as("no issue button, draft editor or 更正 form")
                    .isEmpty();
            browser.screenshot("bulletin-leader");
            browser.go("/console/disputes?period=" + month);
            browser.awaitText(FOOD_SAFETY);
            assertThat(browser.driver().findElements(By.cssSelector("main form textarea")))
                    .as("no form that decides or files")
                    .isEmpty();
            browser.screenshot("disputes-leader");
            browser.go("/console/letters?period=" + month);
            browser.awaitText("提示函");
            browser.screenshot("letters-leader");

            // a write sent by hand, with the page's own CSRF token, is refused too
            Object status = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "const headers = JSON.parse(document.body.getAttribute('hx-headers'));"
                            + "fetch('/console/reviews/" + FOOD_SAFETY + "/ruling', {method: 'POST', headers: headers,"
                            + " body: new URLSearchParams({verdict: 'DISMISSED', reason: 'x'})})"
                            + ".then(r => done(r.status), e => done(String(e)));");
            assertThat(status).isEqualTo(403L);
        }
    }

    /** The id of the control the label with exactly {@code text} names: controls are found as a person finds them. */
    private static String forLabel(Browser browser, String text) {
        return browser.find(By.xpath("//main//label[normalize-space()='" + text + "']"))
                .getAttribute("for");
    }

    /** The text of the page's bulletin preview (its frame). */
    private static String previewText(Browser browser) {
        try {
            browser.driver().switchTo().frame("bulletin-preview");
            return browser.driver().findElement(By.tagName("body")).getText();
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }

    private static Browser browser() {
        return Browser.open(minxin.gateway().base().toString().replaceAll("/$", ""));
    }

    private static Browser signedIn(String username, String password) {
        Browser browser = browser();
        browser.signIn(username, password);
        return browser;
    }

    /** A download as the signed-in person: the browser's session cookie on a plain HTTP request. */
    private static HttpResponse<byte[]> download(Browser browser, String path) throws Exception {
        URI uri = URI.create(minxin.gateway().base().toString().replaceAll("/$", "") + path);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .header("Cookie", "MINXIN_SESSION=" + browser.cookie("MINXIN_SESSION"))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String openAccount(String username, String role, String scope) {
        Response opened = minxin.gateway()
                .post(
                        "api/v1/accounts",
                        minxin.keys().operator(),
                        "application/json",
                        Json.body(Map.of("username", username, "role", role, "scope", scope)));
        assertThat(opened.status()).as("account %s: %s", username, opened).isEqualTo(201);
        return opened.json().path("password").asString();
    }

    private static List<String> reviewed(String status) {
        Response queue = minxin.gateway()
                .get(
                        "api/v1/reviews?period=" + month + "&status=" + status,
                        minxin.keys().operator());
        List<String> caseIds = new ArrayList<>();
        Json.items(queue.json()).forEach(item -> caseIds.add(item.path("caseId").asString()));
        return caseIds;
    }
}
