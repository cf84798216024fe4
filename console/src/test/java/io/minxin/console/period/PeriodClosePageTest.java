package io.minxin.console.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.console.ConsoleTestSupport;
import io.minxin.console.Fixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodClosePageTest extends ConsoleTestSupport {
    /** The console remembers its closes per month (a Spring bean): each test closes a month of its own. */
    private static final String SEPTEMBER = "/console/periods/2020-09/close";

    @Test
    void givenAnOpenMonthThenTheOperatorGetsTheCloseButtonWithAConfirmationAndTheLeaderDoesNot() {
        String panel = "/console/periods/2020-05/close";
        API.json("GET /api/v1/rankings/2020-05/revisions", "[]");

        assertThat(page(panel, OPERATOR))
                .startsWith("<section id=\"period-close\"")
                .contains("本月尚未关账", "hx-post=\"/console/periods/2020-05/close\"", "关账并发布排名")
                .contains("hx-confirm=\"关账后2020年5月两个渠道的排名第 1 版冻结并发布，不能撤回")
                .doesNotContain("hx-trigger");
        assertThat(page(panel, LEADER)).contains("本月尚未关账").doesNotContain("hx-post", "关账并发布排名");
    }

    @Test
    void
            givenTheOperatorClosesThenTheCloseRunsWithTheirTokenAndThePanelPollsUntilBothChannelsArePublishedThenReloadsThePage() {
        String panel = "/console/periods/2020-06/close";
        API.json("GET /api/v1/rankings/2020-06/revisions", "[]");
        API.json(
                "POST /api/v1/periods/2020-06/close",
                "[" + first("PHONE", "PUBLISHED") + "," + first("WEB", "PUBLISHED") + "]");

        String answered = fragment(panel, OPERATOR, "");

        assertThat(answered)
                .satisfiesAnyOf(
                        shown -> assertThat(shown)
                                .contains(
                                        "正在关账",
                                        "hx-trigger=\"load delay:1s\"",
                                        "hx-get=\"" + panel + "?watching=true\""),
                        shown -> assertThat(shown).contains("进行中").doesNotContain("关账并发布排名"));
        await("the close answered")
                .atMost(Duration.ofSeconds(10))
                .until(() -> !API.calls("POST", "/api/v1/periods/2020-06/close").isEmpty());
        assertThat(API.calls("POST", "/api/v1/periods/2020-06/close"))
                .singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo(tokenOf(OPERATOR)));

        API.json(
                "GET /api/v1/rankings/2020-06/revisions",
                "[" + first("PHONE", "PUBLISHED") + "," + first("WEB", "PUBLISHED") + "]");
        await("the panel says the month is closed")
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(page(panel, OPERATOR))
                        .contains("本月已关账", "关账（冻结）时间：2020年10月8日 14:00；发布时间：2020年10月8日 14:01")
                        .contains("去编辑、印发本月通报")
                        .doesNotContain("hx-trigger", "进行中", "关账并发布排名"));
        get(panel + "?watching=true", OPERATOR)
                .expectHeader()
                .valueEquals("HX-Refresh", "true")
                .expectBody(String.class)
                .value(closed -> assertThat(closed).contains("本月已关账"));
        get(panel, OPERATOR).expectHeader().doesNotExist("HX-Refresh");
    }

    @Test
    void givenOneChannelFrozenAndNotPublishedThenThePanelShowsTheNextStepUnderWayAndPolls() {
        // frozen a moment ago: the close is under way, not stuck
        API.json(
                "GET /api/v1/rankings/2020-07/revisions",
                "["
                        + first("PHONE", "PENDING")
                                .replace("2020-10-08T06:00:00Z", Instant.now().toString()) + "]");

        String panel = page("/console/periods/2020-07/close", LEADER);

        assertThat(panel).contains("正在关账", "hx-trigger=\"load delay:1s\"");
        assertThat(panel.replaceAll("\\s+", " "))
                .contains("<span>提交关账</span> <span class=\"state\">已完成</span>")
                .contains("<span>冻结话务端排名第 1 版</span> <span class=\"state\">已完成</span>")
                .contains("<span>冻结网络端排名第 1 版</span> <span class=\"state\">进行中</span>")
                .contains("<span>发布两个渠道的排名</span> <span class=\"state\">等待</span>");
    }

    @Test
    void givenTheApiRefusesTheCloseThenThePanelSaysWhyAndOffersItAgain() {
        String panel = "/console/periods/2020-08/close";
        API.json("GET /api/v1/rankings/2020-08/revisions", "[]");
        API.problem("POST /api/v1/periods/2020-08/close", 400, "period 2020-13 is not a month");

        fragment(panel, OPERATOR, "");

        await("the refusal shown")
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(page(panel, OPERATOR))
                        .contains("关账未完成", "（period 2020-13 is not a month）", "重新关账")
                        .doesNotContain("hx-trigger"));
    }

    @Test
    void givenAClosedMonthWithAPendingRevisionThenTheOperatorPublishesItAndThePageReloads() {
        String revisions = "[" + first("PHONE", "PUBLISHED") + "," + first("WEB", "PUBLISHED") + ","
                + pendingSecond("PHONE") + "]";
        API.json("GET /api/v1/rankings/2020-09/revisions", revisions)
                .json("POST /api/v1/periods/2020-09/revisions/2/publish", "[" + pendingSecond("PHONE") + "]");

        String panel = look("close-pending", page(SEPTEMBER, OPERATOR));
        assertThat(panel.replaceAll("\\s+", " "))
                .contains("待发布的排名修订", "话务端排名第 2 版（排名规则第 3 版）：较第 1 版有 2 家单位名次或数据变化")
                .contains("hx-post=\"/console/periods/2020-09/revisions/2/publish?channel=PHONE\"", "发布第 2 版");
        assertThat(page(SEPTEMBER, LEADER)).contains("待发布的排名修订").doesNotContain("发布第 2 版");

        htmxPost("/console/periods/2020-09/revisions/2/publish?channel=PHONE", OPERATOR, "")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("HX-Refresh", "true");
        assertThat(API.calls("POST", "/api/v1/periods/2020-09/revisions/2/publish"))
                .singleElement()
                .satisfies(call -> {
                    assertThat(call.uri()).contains("channel=PHONE");
                    assertThat(call.authorization()).isEqualTo(tokenOf(OPERATOR));
                });
        htmxPost("/console/periods/2020-09/revisions/2/publish?channel=PHONE", LEADER, "")
                .expectStatus()
                .isForbidden();
    }

    @Test
    void givenALeaderThenTheConsoleRefusesTheClose() {
        htmxPost(SEPTEMBER, LEADER, "").expectStatus().isForbidden();
        assertThat(API.calls()).isEmpty();
    }

    @Test
    void givenAnOperatorThenTheMonthPageLoadsTheClosePanelAndALeadersDoesNot() {
        API.json(
                "GET /api/v1/overview/months",
                Fixtures.overviewMonths("2020-09", Fixtures.overview("2020-09", 1316, 0.97)));

        assertThat(page("/console/?period=2020-09", OPERATOR))
                .contains("id=\"period-close\"", "hx-get=\"" + SEPTEMBER + "\"", "hx-trigger=\"load\"");
        assertThat(page("/console/?period=2020-09", LEADER)).doesNotContain("period-close");
    }

    /** Pending revision 2 of a channel under policy version 3, two units changed since revision 1. */
    private static String pendingSecond(String channel) {
        String change = "{\"unitId\":\"u%d\",\"unitName\":\"单位%d\",\"previousRank\":%d,\"rank\":%d}";
        return "{\"id\":\"2020-09|" + channel + "|2\",\"period\":\"2020-09\",\"channel\":\"" + channel + "\","
                + "\"revision\":2,\"status\":\"PENDING\",\"policy\":{\"id\":\"p\",\"version\":3},\"top\":5,"
                + "\"closedAt\":\"2020-10-08T06:00:00Z\",\"createdAt\":\"2020-10-20T06:00:00Z\",\"publishedAt\":null,"
                + "\"rows\":[],\"notEligible\":[],\"diff\":{\"previousRevision\":1,\"changes\":["
                + String.format(change, 1, 1, 1, 2) + "," + String.format(change, 2, 2, 2, 1) + "]}}";
    }

    /** Revision 1 of a channel, frozen at 06:00 UTC on 8 October, published a minute later when it is. */
    private static String first(String channel, String status) {
        return "{\"id\":\"2020-09|" + channel + "|1\",\"period\":\"2020-09\",\"channel\":\"" + channel + "\","
                + "\"revision\":1,\"status\":\"" + status + "\",\"policy\":{\"id\":\"p\",\"version\":1},\"top\":5,"
                + "\"closedAt\":\"2020-10-08T06:00:00Z\",\"createdAt\":\"2020-10-08T06:00:00Z\",\"publishedAt\":"
                + ("PUBLISHED".equals(status) ? "\"2020-10-08T06:01:00Z\"" : "null")
                + ",\"rows\":[],\"notEligible\":[]}";
    }
}
