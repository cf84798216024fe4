package io.minxin.console.bulletin;

import static io.minxin.console.Fixtures.bulletin;
import static io.minxin.console.Fixtures.draft;
import static io.minxin.console.Fixtures.revision;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class BulletinPageTest extends ConsoleTestSupport {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void givenADraftThenAnOperatorSeesTheIssueButtonAndTheLeaderDoesNot() {
        givenANeverIssuedDraft();

        assertThat(page("/console/bulletins/2020-09", OPERATOR))
                .contains("草稿", "印发通报", "hx-post=\"/console/bulletins/2020-09/issue\"")
                .contains("src=\"/console/bulletins/2020-09/preview\"")
                .contains("href=\"/console/bulletins/2020-09.docx\"", "href=\"/console/bulletins/2020-09.html\"");
        assertThat(page("/console/bulletins/2020-09", LEADER)).contains("草稿").doesNotContain("印发通报", "hx-post");
    }

    @Test
    void givenTheDocxThenTheConsolePassesItOnByteForByteWithItsTypeAndAChineseFileName() {
        byte[] document = new byte[70_000];
        for (int i = 0; i < document.length; i++) {
            document[i] = (byte) (i * 31);
        }
        API.bytes("GET /api/v1/bulletins/2020-09.docx", DOCX, document, Map.of());

        byte[] served = get("/console/bulletins/2020-09.docx", LEADER)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(DOCX)
                .expectHeader()
                .valueEquals(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"bulletin-2020-09.docx\"; filename*=UTF-8''"
                                + "%E9%80%9A%E6%8A%A5-2020%E5%B9%B49%E6%9C%88.docx")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        assertThat(served).isEqualTo(document);
        assertThat(API.calls().get(0).authorization()).isEqualTo(tokenOf(LEADER));
    }

    @Test
    void givenThePreviewThenTheApisHtmlIsShownInPlace() {
        API.bytes(
                "GET /api/v1/bulletins/2020-09.html",
                "text/html;charset=UTF-8",
                "<html><body>草稿 通报</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of());

        get("/console/bulletins/2020-09/preview", OPERATOR)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/html")
                .expectHeader()
                .doesNotExist(HttpHeaders.CONTENT_DISPOSITION)
                .expectBody(String.class)
                .isEqualTo("<html><body>草稿 通报</body></html>");
    }

    @Test
    void givenAnOperatorIssuesThenTheApiIssuesAndTheStatusFragmentSaysSo() {
        API.json("POST /api/v1/bulletins/2020-09/issue", 201, bulletin("ISSUED", "兴隆营商〔2020〕5号"));

        String fragment = client.post()
                .uri("/console/bulletins/2020-09/issue")
                .header(HttpHeaders.AUTHORIZATION, tokenOf(OPERATOR))
                .header("HX-Request", "true")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("HX-Trigger", "bulletin-issued")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(fragment)
                .startsWith("<section id=\"bulletin-status\"")
                .contains("已印发", "兴隆营商〔2020〕5号", "2020年10月9日 10:00")
                .doesNotContain("印发通报</button>");
        assertThat(API.calls("POST", "/api/v1/bulletins/2020-09/issue")).hasSize(1);
    }

    @Test
    void givenAMonthWithoutABulletinThenTheEmptyStateNamesTheMonth() {
        get("/console/bulletins/2031-01", OPERATOR)
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("2031年1月还没有数据", "请选择其他月份"));
    }

    @Test
    void givenAUnitLiaisonAndADraftThenTheApisRefusalIsA403Page() {
        API.problem("GET /api/v1/bulletins/2020-09", 403, "the draft bulletin of 2020-09; it is readable once issued");

        get("/console/bulletins/2020-09", LIAISON)
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("无权查看"));
    }

    @Test
    void givenADraftThenTheOperatorsEditorShowsEveryEditableFieldWithALabelAndTheLeaderGetsNoEditor() {
        givenANeverIssuedDraft();

        assertThat(page("/console/bulletins/2020-09", OPERATOR))
                .contains("编辑草稿", "hx-post=\"/console/bulletins/2020-09/draft\"")
                .contains("<label for=\"draft-signer\">签发人</label>", "id=\"draft-signer\" name=\"signer\"")
                .contains("value=\"李明\"", "name=\"number\"", "value=\"5\"", "name=\"sequence\"", "value=\"9\"")
                .contains("for=\"draft-explanation-614418\"", "name=\"explanation.614418\"", "该件经两次退回后办结。")
                .contains("rows=\"3\">区委办公室\n区政府办公室", "兴隆台区营商环境建设局办公室")
                .contains("当前使用系统生成的工作要求", "签发人：wang.operator，2020年10月8日 14:00")
                .contains("href=\"/console/bulletins/2020-09/draft.docx\"", "href=\"/console/bulletins/2020-09.md\"")
                .contains("尚未印发");
        API.reset();
        API.json("GET /api/v1/bulletins/2020-09", bulletin("ISSUED", "兴隆营商〔2020〕5号"));
        API.json("GET /api/v1/bulletins/2020-09/revisions", "[" + revision(0, "兴隆营商〔2020〕5号", null) + "]");

        assertThat(page("/console/bulletins/2020-09", LEADER))
                .doesNotContain("编辑", "name=\"signer\"", "印发更正", "hx-post")
                .contains("href=\"/console/bulletins/2020-09/revisions/0.docx\"");
        assertThat(API.calls("GET", "/api/v1/bulletins/2020-09/draft")).isEmpty();
    }

    @Test
    void givenTheOperatorChangesTheSignerAndOneExplanationThenOnlyThoseGoToTheApiWithTheNote() {
        API.json("GET /api/v1/bulletins/2020-09/draft", draft(0, "李明", "该件经两次退回后办结。"));
        API.json("PATCH /api/v1/bulletins/2020-09/draft", draft(0, "张华", "经复核，该件属城建中心职责。"));

        String fragment = htmxPost(
                        "/console/bulletins/2020-09/draft",
                        OPERATOR,
                        unchangedForm()
                                        .replace("signer=%E6%9D%8E%E6%98%8E", "signer=" + encoded(" 张华 "))
                                        .replace(
                                                "explanation.614418=" + encoded("该件经两次退回后办结。"),
                                                "explanation.614418=" + encoded("经复核，该件属城建中心职责。"))
                                + "&reason=" + encoded("按领导意见"))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("HX-Trigger", "bulletin-edited")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(API.calls("PATCH", "/api/v1/bulletins/2020-09/draft"))
                .singleElement()
                .satisfies(call -> assertThat(call.body())
                        .isEqualTo("{\"signer\":\"张华\",\"explanations\":{\"614418\":\"经复核，该件属城建中心职责。\"},"
                                + "\"reason\":\"按领导意见\"}"));
        assertThat(fragment)
                .startsWith("<section id=\"draft-editor\"")
                .contains("已保存：签发人、件 614418 的情况说明。", "value=\"张华\"", "经复核，该件属城建中心职责。");
    }

    @Test
    void givenTheFormAsTheDraftStandsThenNothingIsSentAndThePageSaysSo() {
        API.json("GET /api/v1/bulletins/2020-09/draft", draft(0, "李明", "该件经两次退回后办结。"));

        assertThat(fragment("/console/bulletins/2020-09/draft", OPERATOR, unchangedForm() + "&reason=x"))
                .contains("没有与草稿不同的内容，未作修改。");
        assertThat(API.calls("PATCH", "/api/v1")).isEmpty();
    }

    @Test
    void givenANumberThatIsNoneThenTheEditorSaysSoAndKeepsWhatWasTyped() {
        API.json("GET /api/v1/bulletins/2020-09/draft", draft(0, "李明", "该件经两次退回后办结。"));

        assertThat(fragment(
                        "/console/bulletins/2020-09/draft",
                        OPERATOR,
                        unchangedForm()
                                .replace("number=5", "number=0")
                                .replace("signer=%E6%9D%8E%E6%98%8E", "signer=x")))
                .contains("文号: 请填写 1 以上的整数，填的是“0”", "value=\"x\"");
        assertThat(API.calls("PATCH", "/api/v1")).isEmpty();
    }

    @Test
    void givenTheApiRefusesTheEditThenItsViolationsAreShownBesideWhatWasTyped() {
        API.json("GET /api/v1/bulletins/2020-09/draft", draft(1, "李明", "该件经两次退回后办结。"));
        API.json(
                "PATCH /api/v1/bulletins/2020-09/draft",
                400,
                "{\"status\":400,\"detail\":\"the bulletin edit is invalid\",\"violations\":[{\"field\":\"signer\","
                        + "\"message\":\"must be at most 60 characters\"}]}");

        assertThat(fragment(
                        "/console/bulletins/2020-09/draft",
                        OPERATOR,
                        unchangedForm().replace("signer=%E6%9D%8E%E6%98%8E", "signer=" + "长".repeat(61))))
                .contains("修改未被接受", "signer: must be at most 60 characters", "长".repeat(61));
    }

    @Test
    void givenTheBulletinIsIssuedThenTheEditorPreparesTheCorrectionAndNeverSendsItsNumbers() {
        API.json("GET /api/v1/bulletins/2020-09/draft", draft(1, "李明", "该件经两次退回后办结。"));
        API.json("PATCH /api/v1/bulletins/2020-09/draft", draft(1, "张华", "该件经两次退回后办结。", "签发人由李明改为张华"));

        String fragment = fragment(
                "/console/bulletins/2020-09/draft",
                OPERATOR,
                unchangedForm().replace("number=5", "number=7").replace("signer=%E6%9D%8E%E6%98%8E", "signer=张华"));

        assertThat(API.calls("PATCH", "/api/v1/bulletins/2020-09/draft"))
                .singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo("{\"signer\":\"张华\"}"));
        assertThat(fragment)
                .contains("编辑更正草稿（第 1 次更正）", "印发时确定，不能修改")
                .doesNotContain("name=\"number\"", "name=\"sequence\"", "name=\"issueDate\"");
    }

    @Test
    void givenAnIssuedBulletinThenTheOperatorIssuesACorrectionWithWhatItChanges() {
        API.json("GET /api/v1/bulletins/2020-09/draft", draft(2, "李明", "该件经两次退回后办结。"));
        API.json("POST /api/v1/bulletins/2020-09/corrections", 201, bulletin("ISSUED", "兴隆营商〔2020〕6号"));
        API.json(
                "GET /api/v1/bulletins/2020-09/revisions",
                "[" + revision(0, "兴隆营商〔2020〕5号", null) + "," + revision(1, "兴隆营商〔2020〕6号", "签发人有误", "签发人由李明改为张华")
                        + "]");

        String fragment = htmxPost("/console/bulletins/2020-09/corrections", OPERATOR, "reason=" + encoded(" 签发人有误 "))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("HX-Trigger", "bulletin-corrected")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(API.calls("POST", "/api/v1/bulletins/2020-09/corrections"))
                .singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo("{\"reason\":\"签发人有误\"}"));
        assertThat(fragment)
                .startsWith("<section id=\"corrections\"")
                .contains("第 1 次更正已印发：兴隆营商〔2020〕6号。", "签发人由李明改为张华")
                .contains("href=\"/console/bulletins/2020-09/revisions/1.docx\"", "印发第 2 次更正");
    }

    @Test
    void givenNoStatementOrNothingToCorrectThenTheCorrectionIsRefusedReadably() {
        API.json("GET /api/v1/bulletins/2020-09/draft", draft(1, "李明", "该件经两次退回后办结。"));
        API.json("GET /api/v1/bulletins/2020-09/revisions", "[" + revision(0, "兴隆营商〔2020〕5号", null) + "]");

        assertThat(fragment("/console/bulletins/2020-09/corrections", OPERATOR, "reason=+"))
                .contains("更正说明: 请写明更正了什么、为什么更正", "更正草稿与最新印发版相同");
        assertThat(API.calls("POST", "/api/v1")).isEmpty();

        API.problem("POST /api/v1/bulletins/2020-09/corrections", 409, "nothing changed since revision 0");
        assertThat(fragment("/console/bulletins/2020-09/corrections", OPERATOR, "reason=" + encoded("再发一次")))
                .contains("更正未印发：通报尚未印发，或草稿与最新印发版相比没有改动。（nothing changed since revision 0）", "再发一次");
    }

    @Test
    void givenAnIssuedRevisionThenItsDownloadIsPassedOnWithAChineseName() {
        API.bytes(
                "GET /api/v1/bulletins/2020-09/revisions/1.md",
                "text/markdown;charset=UTF-8",
                "# 更正".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of());

        get("/console/bulletins/2020-09/revisions/1.md", LEADER)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"bulletin-2020-09-1.md\"; filename*=UTF-8''"
                                + "%E9%80%9A%E6%8A%A5-2020%E5%B9%B49%E6%9C%88-%E6%9B%B4%E6%AD%A31.md")
                .expectBody(String.class)
                .isEqualTo("# 更正");
    }

    @Test
    void givenALeaderThenTheConsoleRefusesADraftEdit() {
        htmxPost("/console/bulletins/2020-09/draft", LEADER, "signer=x")
                .expectStatus()
                .isForbidden();
        htmxPost("/console/bulletins/2020-09/corrections", LEADER, "reason=x")
                .expectStatus()
                .isForbidden();
        assertThat(API.calls()).isEmpty();
    }

    private static void givenANeverIssuedDraft() {
        API.json("GET /api/v1/bulletins/2020-09", bulletin("DRAFT", null));
        API.json("GET /api/v1/bulletins/2020-09/draft", draft(0, "李明", "该件经两次退回后办结。"));
        API.json("GET /api/v1/bulletins/2020-09/revisions", "[]");
    }

    /** The editor's form as the draft of {@link io.minxin.console.Fixtures#draft} shows it, URL-encoded. */
    private static String unchangedForm() {
        return "office=" + encoded("兴隆台区营商环境建设局") + "&signer=" + encoded("李明") + "&number=5&sequence=9"
                + "&issueDate=2020-10-09&requirements=&explanation.614418=" + encoded("该件经两次退回后办结。")
                + "&reportTo=" + encoded("区委办公室\r\n区政府办公室") + "&sendTo=" + encoded("各街道")
                + "&issuingOffice=" + encoded("兴隆台区营商环境建设局办公室");
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
