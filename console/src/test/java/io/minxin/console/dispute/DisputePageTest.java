package io.minxin.console.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import io.minxin.console.GatewayStub.Call;
import org.junit.jupiter.api.Test;

class DisputePageTest extends ConsoleTestSupport {
    private static final String REJECTED = "{\"accepted\":false,\"reason\":\"退件理由不成立\","
            + "\"decidedBy\":\"wang.operator\",\"decidedAt\":\"2020-10-09T02:00:00Z\"}";

    static String dispute(String id, String status, String decision) {
        return "{\"disputeId\":\"" + id + "\",\"caseId\":\"614418\",\"unitId\":\"xlt-chengjian\","
                + "\"subject\":\"LATE_CONCLUSION\",\"period\":\"2020-09\",\"reason\":\"市级部门延迟转办\","
                + "\"filedBy\":\"cj.liaison\",\"filedAt\":\"2020-10-08T06:05:00Z\",\"status\":\"" + status
                + "\",\"decision\":" + decision + "}";
    }

    @Test
    void givenAnOperatorThenEachOpenDisputeHasALabelledFormToAcceptOrRejectIt() {
        API.json("GET /api/v1/disputes?period=2020-09", "[" + dispute("d-1", "OPEN", "null") + "]");

        String page = page("/console/disputes?period=2020-09", OPERATOR);

        assertThat(page)
                .contains("2020年9月 申诉", "超时办结", "614418", "xlt-chengjian", "市级部门延迟转办", "待处理")
                .contains("2020年10月8日 14:05")
                .contains("hx-post=\"/console/disputes/d-1/decision\"")
                .contains("<legend>处理决定</legend>", "支持申诉", "驳回申诉")
                .contains("<label for=\"decision-reason-d-1\">", "id=\"decision-reason-d-1\"")
                .doesNotContain("id=\"file-title\"", "name=\"caseId\"");
    }

    @Test
    void givenAnOperatorsDecisionThenTheApiGetsAcceptedAndTheReasonAndTheRowComesBackUpdated() {
        API.json(
                "POST /api/v1/disputes/d-1/decision",
                dispute("d-1", "ACCEPTED", REJECTED.replace("false", "true").replace("退件理由不成立", "确属市级延迟")));

        String row = fragment(
                "/console/disputes/d-1/decision",
                OPERATOR,
                "period=2020-09&accepted=true&reason=%E7%A1%AE%E5%B1%9E%E5%B8%82%E7%BA%A7%E5%BB%B6%E8%BF%9F");

        Call call = API.calls("POST", "/api/v1/disputes/d-1/decision").get(0);
        assertThat(call.body()).contains("\"accepted\":true", "\"reason\":\"确属市级延迟\"");
        assertThat(call.authorization()).isEqualTo(tokenOf(OPERATOR));
        assertThat(row)
                .startsWith("<article class=\"review dispute\"")
                .contains("id=\"dispute-d-1\"", "已支持", "确属市级延迟", "wang.operator")
                .doesNotContain("<html", "hx-post");
    }

    @Test
    void givenTheApiRefusesADecisionThenTheRowSaysWhyAndKeepsWhatWasTyped() {
        API.problem("POST /api/v1/disputes/d-1/decision", 409, "dispute d-1 was decided already")
                .json("GET /api/v1/disputes?period=2020-09", "[" + dispute("d-1", "OPEN", "null") + "]");

        String row = fragment("/console/disputes/d-1/decision", OPERATOR, "period=2020-09&accepted=false&reason=typed");

        assertThat(row)
                .contains("这件申诉已经处理过", "dispute d-1 was decided already")
                .contains(">typed</textarea>")
                .containsPattern("value=\"false\"\\s+checked");
    }

    @Test
    void givenALeaderThenTheListHasNoFormsAndTheirDecisionIsRefusedWithoutCallingTheApi() {
        API.json("GET /api/v1/disputes?period=2020-09", "[" + dispute("d-1", "REJECTED", REJECTED) + "]");

        assertThat(page("/console/disputes?period=2020-09", LEADER))
                .contains("已驳回", "退件理由不成立")
                .doesNotContain("hx-post", "<textarea");
        htmxPost("/console/disputes/d-1/decision", LEADER, "period=2020-09&accepted=true&reason=x")
                .expectStatus()
                .isForbidden();
        assertThat(API.calls("POST", "/api/v1/disputes")).isEmpty();
    }

    @Test
    void givenAUnitLiaisonThenTheyFileADisputeAndSeeItInTheList() {
        API.json("POST /api/v1/disputes", 201, dispute("d-2", "OPEN", "null"))
                .json("GET /api/v1/disputes?period=2020-09", "[" + dispute("d-2", "OPEN", "null") + "]");

        String board = fragment(
                "/console/disputes",
                LIAISON,
                "period=2020-09&caseId=614418&subject=LATE_CONCLUSION&reason=%E5%B8%82%E7%BA%A7");

        Call call = API.calls("POST", "/api/v1/disputes").get(0);
        assertThat(call.body()).isEqualTo("{\"caseId\":\"614418\",\"subject\":\"LATE_CONCLUSION\",\"reason\":\"市级\"}");
        assertThat(call.authorization()).isEqualTo(tokenOf(LIAISON));
        assertThat(board)
                .startsWith("<div id=\"disputes-board\"")
                .contains("申诉已提交：案件 614418，超时办结", "id=\"dispute-d-2\"")
                .doesNotContain("hx-post=\"/console/disputes/d-2/decision\"");
    }

    @Test
    void givenTheApiRefusesAFilingThenTheLiaisonReadsWhyAndKeepsWhatTheyTyped() {
        API.problem("POST /api/v1/disputes", 409, "the dispute window of 2020-09 closed on 2020-10-12")
                .json("GET /api/v1/disputes?period=2020-09", "[]");

        String board = fragment(
                "/console/disputes", LIAISON, "period=2020-09&caseId=614418&subject=RETURN&reason=typed-reason");

        assertThat(board)
                .contains("申诉期已过", "the dispute window of 2020-09 closed on 2020-10-12")
                .contains("value=\"614418\"", ">typed-reason</textarea>")
                .containsPattern("value=\"RETURN\"\\s+selected");

        API.reset();
        API.problem("POST /api/v1/disputes", 403, "case 614418 is not a case of xlt-chengjian")
                .json("GET /api/v1/disputes?period=2020-09", "[]");
        assertThat(fragment("/console/disputes", LIAISON, "period=2020-09&caseId=614418&subject=RETURN&reason=x"))
                .contains("它不属于本单位", "case 614418 is not a case of xlt-chengjian");
    }

    @Test
    void givenAnOperatorFilingThenItIsRefusedWithoutCallingTheApi() {
        htmxPost("/console/disputes", OPERATOR, "period=2020-09&caseId=614418&subject=RETURN&reason=x")
                .expectStatus()
                .isForbidden();
        assertThat(API.calls()).isEmpty();
    }
}
