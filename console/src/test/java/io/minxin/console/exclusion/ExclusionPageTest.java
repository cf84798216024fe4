package io.minxin.console.exclusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import io.minxin.console.GatewayStub.Call;
import org.junit.jupiter.api.Test;

class ExclusionPageTest extends ConsoleTestSupport {

    static String exclusion(String caseId, String indicator, String decisionId, String decidedAt) {
        return "{\"caseId\":\"" + caseId + "\",\"indicator\":\"" + indicator + "\",\"period\":\"2020-09\","
                + "\"excluded\":true,\"reason\":\"市民重复来电\",\"decisionId\":\"" + decisionId + "\","
                + "\"decidedBy\":\"wang.operator\",\"role\":\"operator\",\"decidedAt\":\"" + decidedAt + "\","
                + "\"disputeId\":null,\"unitIds\":[\"xlt-chengjian\"]}";
    }

    private static final String TWO_DECISIONS = "["
            + exclusion("614418", "satisfactionRate", "dec-1", "2020-10-08T06:05:00Z") + ","
            + exclusion("614418", "completionRate", "dec-1", "2020-10-08T06:05:00Z") + ","
            + exclusion("614500", "returns", "dec-2", "2020-10-09T02:00:00Z") + "]";

    @Test
    void givenAnOperatorThenEachDecisionIsOneRowNewestFirstAndAFormExcludesAnother() {
        API.json("GET /api/v1/exclusions?period=2020-09", TWO_DECISIONS);

        String page = look("exclusions-operator", page("/console/exclusions?period=2020-09", OPERATOR));

        assertThat(page)
                .contains("2020年9月 剔除", "剔除记录（2 项，最新在前）")
                .contains("办结率、满意率", "市民重复来电", "wang.operator", "2020年10月8日 14:05", "xlt-chengjian")
                .contains(
                        "hx-post=\"/console/exclusions\"", "<label for=\"exclude-case\">", "<legend>从哪些指标中剔除</legend>")
                .contains("value=\"onTimeRate\"", "按时办结率", "value=\"returns\"", "<label for=\"exclude-reason\">");
        assertThat(page.indexOf(">614500<")).isLessThan(page.indexOf("<td>办结率、满意率</td>"));
    }

    @Test
    void givenAnOperatorsExclusionThenTheApiGetsTheTickedIndicatorsAndTheListComesBackWithIt() {
        API.json("POST /api/v1/exclusions", 201, "{\"decisionId\":\"dec-3\"}")
                .json("GET /api/v1/exclusions?period=2020-09", TWO_DECISIONS);

        String board = fragment(
                "/console/exclusions",
                OPERATOR,
                "period=2020-09&caseId=+614418+&indicators=satisfactionRate&indicators=excellentRate"
                        + "&reason=%E9%87%8D%E5%A4%8D%E4%BB%B6");

        Call call = API.calls("POST", "/api/v1/exclusions").get(0);
        assertThat(call.body())
                .isEqualTo("{\"caseId\":\"614418\",\"indicators\":[\"satisfactionRate\",\"excellentRate\"],"
                        + "\"excluded\":true,\"reason\":\"重复件\"}");
        assertThat(call.authorization()).isEqualTo(tokenOf(OPERATOR));
        assertThat(board)
                .startsWith("<div id=\"exclusions-board\"")
                .contains("已剔除案件 614418，见下表。", "办结率、满意率")
                .doesNotContain("<html");
    }

    @Test
    void givenTheApiRefusesAnExclusionThenTheFormSaysWhyNextToTheFieldAndKeepsWhatWasTyped() {
        API.json(
                        "POST /api/v1/exclusions",
                        400,
                        "{\"status\":400,\"detail\":\"invalid exclusion\",\"violations\":["
                                + "{\"field\":\"indicators\",\"message\":\"at least one of [completionRate]\"}]}")
                .json("GET /api/v1/exclusions?period=2020-09", "[]");

        String board = fragment("/console/exclusions", OPERATOR, "period=2020-09&caseId=614418&reason=typed-reason");

        assertThat(look("exclusions-refused", board))
                .contains("剔除未被接受，请检查案件编号", "invalid exclusion")
                .containsPattern("<p class=\"field-error\">indicators: at least one of \\[completionRate]</p>")
                .contains("value=\"614418\"", ">typed-reason</textarea>")
                .contains("2020年9月 没有剔除的诉求");
        assertThat(board.split("indicators: at least one", -1))
                .as("said once, next to the indicators, not again in the alert")
                .hasSize(2);
    }

    @Test
    void givenALeaderThenTheListIsReadOnlyAndTheirExclusionIsRefusedWithoutCallingTheApi() {
        API.json("GET /api/v1/exclusions?period=2020-09", TWO_DECISIONS);

        assertThat(page("/console/exclusions?period=2020-09", LEADER))
                .contains("办结率、满意率", "市民重复来电")
                .doesNotContain("hx-post", "<textarea", "排名规则", "API 密钥");
        htmxPost("/console/exclusions", LEADER, "period=2020-09&caseId=614418&indicators=returns&reason=x")
                .expectStatus()
                .isForbidden();
        assertThat(API.calls("POST", "/api/v1/exclusions")).isEmpty();
    }

    @Test
    void givenAMonthWithoutExclusionsThenTheLiaisonReadsWhereTheyWouldComeFrom() {
        API.json("GET /api/v1/exclusions?period=2020-08", "[]");

        assertThat(page("/console/exclusions?period=2020-08", LIAISON))
                .contains("2020年8月 没有剔除的诉求", "营商局剔除诉求或支持申诉后会列在这里")
                .doesNotContain("<form hx-post");
    }

    @Test
    void givenAnOperatorRestoresARowThenTheApiGetsExcludedFalseWithItsIndicatorsAndARefusalLeavesTheFormEmpty() {
        API.json("GET /api/v1/exclusions?period=2020-09", TWO_DECISIONS);

        assertThat(page("/console/exclusions?period=2020-09", OPERATOR))
                .contains("<summary>恢复计入</summary>", "<input type=\"hidden\" name=\"excluded\" value=\"false\">")
                .contains("恢复理由（案件 614418 重新计入办结率、满意率）")
                .containsPattern("name=\"indicators\" value=\"completionRate\">\\s*<input type=\"hidden\""
                        + " name=\"indicators\" value=\"satisfactionRate\">");

        API.json("POST /api/v1/exclusions", 201, "{\"decisionId\":\"dec-4\"}");
        String board = fragment(
                "/console/exclusions",
                OPERATOR,
                "period=2020-09&caseId=614418&excluded=false&indicators=completionRate"
                        + "&indicators=satisfactionRate&reason=%E5%A4%8D%E6%A0%B8");
        assertThat(API.calls("POST", "/api/v1/exclusions").get(0).body())
                .isEqualTo("{\"caseId\":\"614418\",\"indicators\":[\"completionRate\",\"satisfactionRate\"],"
                        + "\"excluded\":false,\"reason\":\"复核\"}");
        assertThat(board).contains("已将案件 614418 恢复计入所选指标");

        API.reset();
        API.problem("POST /api/v1/exclusions", 404, "no case 614418")
                .json("GET /api/v1/exclusions?period=2020-09", TWO_DECISIONS);
        assertThat(fragment(
                        "/console/exclusions",
                        OPERATOR,
                        "period=2020-09&caseId=614418&excluded=false&indicators=returns&reason=typed-restore"))
                .contains("剔除未被接受", "no case 614418")
                .doesNotContain("typed-restore")
                .doesNotContainPattern("id=\"exclude-case\"[^>]*value=\"614418\"");
    }

    @Test
    void givenALeaderThenNoRowHasARestoreForm() {
        API.json("GET /api/v1/exclusions?period=2020-09", TWO_DECISIONS);

        assertThat(page("/console/exclusions?period=2020-09", LEADER))
                .doesNotContain("恢复计入", "<th scope=\"col\">操作</th>");
    }
}
