package io.minxin.console.cases;

import static io.minxin.console.Fixtures.review;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import io.minxin.console.Fixtures;
import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.HandlingRole;
import io.minxin.events.Satisfaction;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.state.CaseState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CasePageTest extends ConsoleTestSupport {
    private static final Instant ACCEPTED = Instant.parse("2020-09-01T01:00:00Z");

    @Test
    void givenAUnitLiaisonThenTheirCasesNamedByNoticesReviewsAndDisputesAreListedWithLinks() {
        API.json(
                "GET /api/v1/notices",
                "["
                        + Fixtures.notice("PUSHBACK_ALERT", "xlt-chengjian", "推诿预警", "两次退回", "2020-09-03T01:30:00Z")
                                .replace("\"caseId\":null", "\"caseId\":\"700001\"")
                        + "," + Fixtures.notice("TARGET_MISSED", "xlt-chengjian", "未达目标", "满意率", "2020-09-30T01:30:00Z")
                        + "]");
        API.json("GET /api/v1/reviews", "[" + review("614418", "CONFIRMED", null) + "]");
        API.json(
                "GET /api/v1/disputes",
                "[{\"disputeId\":\"d1\",\"caseId\":\"614418\",\"unitId\":\"xlt-chengjian\",\"subject\":\"PUSHBACK\","
                        + "\"period\":\"2020-09\",\"reason\":\"不属于本单位\",\"status\":\"OPEN\"}]");

        String page = page("/console/cases?period=2020-09", LIAISON);

        assertThat(page)
                .contains("2020年9月 涉及该单位的诉求（2 件）")
                .contains("href=\"/console/cases/614418\"", "流动商贩占道经营", "较差件复核：确认为较差件", "申诉（较差件）：待处理")
                .contains("href=\"/console/cases/700001\"", "推诿预警")
                .doesNotContain("<select id=\"unit\"");
        assertThat(API.calls("GET", "/api/v1/notices"))
                .singleElement()
                .satisfies(call -> assertThat(call.uri()).contains("unitId=xlt-chengjian"));
    }

    @Test
    void givenAnOperatorWithoutAUnitThenThePageAsksForOneFromTheMonthsUnits() {
        API.json("GET /api/v1/units", Fixtures.UNITS);

        assertThat(page("/console/cases?period=2020-09", OPERATOR))
                .contains("<label for=\"unit\">承办单位</label>", "value=\"xlt-zhifa\"", "请选择承办单位")
                .contains("<label for=\"case-id\">按案件编号查找</label>");
        assertThat(API.calls("GET", "/api/v1/notices")).isEmpty();
    }

    @Test
    void givenALiaisonAskingForAnotherUnitThenTheApisRefusalIsA403Page() {
        API.problem("GET /api/v1/notices", 403, "scope unit:xlt-chengjian does not cover unit xlt-zhifa");
        API.json("GET /api/v1/reviews", "[]");
        API.json("GET /api/v1/disputes", "[]");

        get("/console/cases?period=2020-09&unit=xlt-zhifa", LIAISON)
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("无权查看"));
    }

    @Test
    void givenACaseThenItsTimelineShowsEveryEventAndDecisionInOrderWithWhatHappened() {
        API.json("GET /api/v1/cases/614418", EventJson.mapper().writeValueAsString(aCase()));

        String page = page("/console/cases/614418", LIAISON);

        assertThat(page)
                .contains("案件 <span>614418</span>", "流动商贩占道经营", "2020年9月", "话务端", "已按时办结", "确认为较差件")
                .contains("共 6 条，按时间先后");
        assertThat(page.replaceAll("\\s+", " "))
                .containsSubsequence(
                        "2020年9月1日 09:00</time> <strong>受理</strong> <span class=\"unit\">兴隆街道</span>",
                        "交 兴隆街道 办理，办理期限 2020年9月8日 09:00",
                        "<strong>退件</strong> <span class=\"unit\">兴隆街道</span>",
                        "退回理由：不属于本单位职责",
                        "<strong>受理</strong> <span class=\"unit\">盘锦市兴隆台区城建中心</span>",
                        "<strong>办结</strong>",
                        "按时办结；答复：已清理占道摊点",
                        "<strong>回访</strong>",
                        "群众满意，评为优秀",
                        "<strong>较差件复核</strong> <span class=\"unit\">营商局 wang.operator</span>",
                        "确认为较差件；认定：经两次退回后办结；理由：核实");
    }

    @Test
    void
            givenADispatchedCaseThenTheTimelineShowsTheDispatchWithItsSignInDeadlineWhetherTheSignInWasInTimeAndWhichSignInsDoNotCount() {
        Instant signed = ACCEPTED.plusSeconds(2 * 86_400);
        CaseState dispatched = new CaseState(
                "614501",
                "2020-09",
                Channel.WEB,
                "路灯不亮",
                null,
                ACCEPTED,
                "xlt-chengjian",
                "盘锦市兴隆台区城建中心",
                ACCEPTED.plusSeconds(7 * 86_400),
                List.of(new CaseState.Acceptance("xlt-chengjian", "盘锦市兴隆台区城建中心", ACCEPTED, null)),
                List.of(),
                null,
                null,
                false,
                List.of(
                        new CaseState.HistoryEntry("e1", "hotline", EventType.CASE_ACCEPTED, ACCEPTED, "xlt-chengjian"),
                        new CaseState.HistoryEntry("e2", "hotline", EventType.CASE_ASSIGNED, ACCEPTED, "xlt-chengjian"),
                        new CaseState.HistoryEntry("e3", "hotline", EventType.CASE_SIGNED, signed, "xlt-chengjian"),
                        new CaseState.HistoryEntry(
                                "e4", "hotline", EventType.CASE_SIGNED, signed.plusSeconds(3600), "xlt-chengjian"),
                        new CaseState.HistoryEntry(
                                "e5", "hotline", EventType.CASE_SIGNED, signed.plusSeconds(7200), "xlt-jianshe")),
                5,
                null,
                List.of(),
                null,
                List.of(),
                List.of(new CaseState.SignIn(
                        "xlt-chengjian",
                        "盘锦市兴隆台区城建中心",
                        HandlingRole.LEAD,
                        ACCEPTED,
                        Instant.parse("2020-09-02T15:59:59Z"),
                        signed,
                        false)));
        API.json("GET /api/v1/cases/614501", EventJson.mapper().writeValueAsString(dispatched));

        String page = page("/console/cases/614501", LIAISON);

        assertThat(page.replaceAll("\\s+", " "))
                .containsSubsequence(
                        "<strong>派单</strong> <span class=\"unit\">盘锦市兴隆台区城建中心</span>",
                        "主办，签收期限 2020年9月2日 23:59",
                        "<strong>签收</strong> <span class=\"unit\">盘锦市兴隆台区城建中心</span>",
                        "超期签收",
                        "<strong>签收</strong> <span class=\"unit\">盘锦市兴隆台区城建中心</span>",
                        "（不是对该单位最后一次派单的首次签收，不计入及时签收率）",
                        "<strong>签收</strong>",
                        "（此前无派单，不计入及时签收率）");
    }

    @Test
    void givenADuplicateMergedAfterAReMergedOneThenTheStandingMergeNamesTheCaseItWentInto() {
        Instant merged = ACCEPTED.plusSeconds(3600);
        CaseState duplicate = new CaseState(
                "614502",
                "2020-09",
                Channel.PHONE,
                "路灯不亮",
                null,
                ACCEPTED,
                "xlt-chengjian",
                "盘锦市兴隆台区城建中心",
                ACCEPTED.plusSeconds(7 * 86_400),
                List.of(new CaseState.Acceptance("xlt-chengjian", "盘锦市兴隆台区城建中心", ACCEPTED, null)),
                List.of(),
                null,
                null,
                false,
                List.of(
                        new CaseState.HistoryEntry(
                                "m0", "hotline", EventType.CASE_MERGED, ACCEPTED.minusSeconds(60), null),
                        new CaseState.HistoryEntry("m1", "hotline", EventType.CASE_ACCEPTED, ACCEPTED, "xlt-chengjian"),
                        new CaseState.HistoryEntry("m2", "hotline", EventType.CASE_MERGED, merged, null)),
                3,
                null,
                List.of(),
                null,
                List.of(),
                List.of(),
                "614418");
        API.json("GET /api/v1/cases/614502", EventJson.mapper().writeValueAsString(duplicate));

        String page = page("/console/cases/614502", OPERATOR).replaceAll("\\s+", " ");

        assertThat(page)
                .containsSubsequence(
                        "<strong>并单</strong>",
                        "（其后又有受理或并单，本次并单不计）",
                        "<strong>受理</strong>",
                        "<strong>并单</strong>",
                        "并入 614418，本件不再单独计数");
    }

    @Test
    void givenAnotherUnitsCaseOrNoneThenThePageSaysSoReadably() {
        API.problem("GET /api/v1/cases/614418", 403, "not your unit's case");

        get("/console/cases/614418", LIAISON)
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("无权查看"));
        get("/console/cases/999999", OPERATOR)
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("没有找到案件 999999", "请核对案件编号"));
        get("/console/cases/" + "1".repeat(65), OPERATOR).expectStatus().isNotFound();
        assertThat(API.calls("GET", "/api/v1/cases/111")).isEmpty();
    }

    @Test
    void givenACaseNumberInTheLookupThenThePersonIsSentToItsPage() {
        get("/console/cases?caseId=+614418+", LEADER)
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .valueEquals("Location", "/console/cases/614418");
    }

    private static CaseState aCase() {
        Instant returned = ACCEPTED.plusSeconds(3600);
        Instant reaccepted = returned.plusSeconds(3600);
        Instant concluded = reaccepted.plusSeconds(86_400);
        Instant visited = concluded.plusSeconds(86_400);
        List<CaseState.Acceptance> acceptances = List.of(
                new CaseState.Acceptance("xlt-xinglong", "兴隆街道", ACCEPTED, ACCEPTED.plusSeconds(7 * 86_400)),
                new CaseState.Acceptance(
                        "xlt-chengjian", "盘锦市兴隆台区城建中心", reaccepted, reaccepted.plusSeconds(7 * 86_400)));
        CaseState.Return back = new CaseState.Return("xlt-xinglong", "不属于本单位职责", returned);
        List<CaseState.HistoryEntry> history = List.of(
                new CaseState.HistoryEntry("e1", "hotline", EventType.CASE_ACCEPTED, ACCEPTED, "xlt-xinglong"),
                new CaseState.HistoryEntry("e2", "hotline", EventType.CASE_RETURNED, returned, "xlt-xinglong"),
                new CaseState.HistoryEntry("e3", "hotline", EventType.CASE_ACCEPTED, reaccepted, "xlt-chengjian"),
                new CaseState.HistoryEntry("e4", "hotline", EventType.CASE_CONCLUDED, concluded, "xlt-chengjian"),
                new CaseState.HistoryEntry("e5", "hotline", EventType.CASE_VISITED, visited, null));
        Decision ruling = new Decision(
                "r1",
                "2020-09",
                "wang.operator",
                "operator",
                visited.plusSeconds(86_400),
                "核实",
                new PushbackRuling(
                        "614418", PushbackRuling.Verdict.CONFIRMED, "xlt-chengjian", null, null, "经两次退回后办结", null));
        return new CaseState(
                "614418",
                "2020-09",
                Channel.PHONE,
                "流动商贩占道经营",
                "市容环境",
                ACCEPTED,
                "xlt-chengjian",
                "盘锦市兴隆台区城建中心",
                reaccepted.plusSeconds(7 * 86_400),
                acceptances,
                List.of(back),
                new CaseState.Conclusion("xlt-chengjian", "已清理占道摊点", concluded, true),
                new CaseState.Visit(Satisfaction.SATISFIED, true, visited),
                true,
                history,
                6,
                null,
                List.of(ruling),
                ruling,
                List.of());
    }
}
