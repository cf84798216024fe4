package io.minxin.console.month;

import static io.minxin.console.Fixtures.overview;
import static io.minxin.console.Fixtures.overviewMonths;
import static io.minxin.console.Fixtures.ranking;
import static io.minxin.console.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import io.minxin.console.GatewayStub;
import org.junit.jupiter.api.Test;

class MonthPageTest extends ConsoleTestSupport {
    /** The version of the fixtures' rankings: revision 0, computed at 2020-10-08T06:00:00Z. */
    private static final String VERSION = "0-1602136800000";

    private static final String EXCLUDED = "[{\"caseId\":\"605798\",\"indicators\":[\"SATISFACTION_RATE\"],"
            + "\"reason\":\"无理诉求，不计入满意率\",\"decisionId\":\"d1\",\"decidedAt\":\"2020-10-02T01:00:00Z\"}]";

    private void cityMonth() {
        API.json(
                        "GET /api/v1/overview/months?from=2019-10&to=2020-09",
                        overviewMonths(
                                "2020-09", overview("2020-09", 1316, 0.97552), overview("2020-08", 1200, 0.9611)))
                .json(
                        "GET /api/v1/rankings/2020-09?channel=PHONE&top=10000",
                        ranking(
                                "2020-09",
                                "PHONE",
                                "LIVE",
                                row(1, "xlt-gongxin", "盘锦市兴隆台区工信局", 1.0, null),
                                row(2, "xlt-chengjian", "盘锦市兴隆台区城建中心", 0.95, EXCLUDED)))
                .json(
                        "GET /api/v1/rankings/2020-09?channel=WEB&top=10000",
                        ranking("2020-09", "WEB", "PUBLISHED", row(1, "xlt-shebao", "社保兴隆台分局", 0.9, null)));
    }

    @Test
    void givenAnOperatorWhenTheMonthOpensThenFiguresRankingsAndTheTrendAreShownInChineseConventions() {
        cityMonth();

        String page = page("/console/?period=2020-09", OPERATOR);

        assertThat(page)
                .contains("2020年9月 月度概况")
                .contains("1316 件")
                .contains("97.55%", "95.74%", "96.13%", "84.02%")
                .contains("话务端", "网络端")
                .contains("盘锦市兴隆台区工信局", "盘锦市兴隆台区城建中心", "社保兴隆台分局")
                .contains("96.67%") // a row's completion rate
                .contains("实时排名", "第 0 版（已发布）")
                .contains("wang.operator", "营商局操作员")
                .contains("hx-headers=\"{&quot;X-CSRF-Token&quot;: &quot;" + CSRF + "&quot;}\"")
                .contains("name=\"_csrf\" value=\"" + CSRF + "\"");
        // the 12 months of the trend in one call, a month without data a gap (null), never 0
        assertThat(API.calls("GET", "/api/v1/overview")).hasSize(1);
        assertThat(page).contains("2019年10月", "[null,null,null,null,null,null,null,null,null,null,96.11,97.55]");
    }

    @Test
    void givenTheMonthWhenItOpensThenEachRowOffersItsLabelledExplanationToOpenButRendersNone() {
        cityMonth();

        String page = page("/console/?period=2020-09", OPERATOR);

        assertThat(page)
                .contains(
                        "hx-get=\"/console/rankings/2020-09/PHONE/explanations/xlt-chengjian?version=" + VERSION + "\"")
                .contains("hx-get=\"/console/rankings/2020-09/WEB/explanations/xlt-shebao?version=" + VERSION + "\"")
                .contains("hx-trigger=\"toggle once\"")
                .contains("<summary>排名依据<span class=\"sr-only\">：盘锦市兴隆台区城建中心</span></summary>")
                .doesNotContain("605798", "无理诉求，不计入满意率", "减分：推诿（较差件）", "总分 ");
    }

    @Test
    void givenThePageWasRenderedWhenRowsAreOpenedThenTheyAreExplainedFromItsRankingWithoutAskingTheApiAgain() {
        cityMonth();
        String page = page("/console/?period=2020-09", OPERATOR);
        int read = API.calls("GET", "/api/v1/rankings").size();

        String excluded = look(
                "month-explanation",
                htmxGet("/console/rankings/2020-09/PHONE/explanations/xlt-chengjian?version=" + VERSION, OPERATOR));
        String other = htmxGet("/console/rankings/2020-09/PHONE/explanations/xlt-gongxin?version=" + VERSION, OPERATOR);

        assertThat(excluded)
                .contains("剔除 <a href=\"/console/cases/605798\">605798</a>", "无理诉求，不计入满意率")
                .contains("满意率 95.00%", "× 权重 0.5 = ")
                .contains("减分：推诿（较差件） 1 件")
                .contains("受理 30 件，办结 29 件")
                .doesNotContain("<html", "已经更新");
        assertThat(other).contains("没有剔除的案件。", "满意率 100.00%");
        assertThat(API.calls("GET", "/api/v1/rankings")).hasSize(read);
        // the page as a reader sees it with 城建中心's row opened (what htmx does: the details open, the text in)
        look("month-row-opened", opened(page, "PHONE/explanations/xlt-chengjian", excluded));
    }

    @Test
    void givenARankedValueThatRoundsToTheRateAndAnAdjustmentOfNoCaseThenTheExplanationSaysNeitherTwice() {
        String row = row(1, "xlt-gongxin", "盘锦市兴隆台区工信局", 0.95, null)
                .replace("\"ranked\":0.95", "\"ranked\":0.950004")
                .replace(
                        "\"count\":1,\"pointsEach\":1.5,\"points\":1.5",
                        "\"count\":0,\"pointsEach\":1.5,\"points\":0.0");
        String wilson =
                row(2, "xlt-chengjian", "盘锦市兴隆台区城建中心", 0.95, null).replace("\"ranked\":0.95", "\"ranked\":0.9123");
        API.json(
                "GET /api/v1/rankings/2020-09?channel=PHONE&top=10000",
                ranking("2020-09", "PHONE", "LIVE", row, wilson).replace("06:00:00Z", "06:30:00Z"));
        String at = "/console/rankings/2020-09/PHONE/explanations/%s?version=0-1602138600000";

        String same = htmxGet(at.formatted("xlt-gongxin"), OPERATOR);
        String lower = htmxGet(at.formatted("xlt-chengjian"), OPERATOR);

        assertThat(same).contains("满意率 95.00%", "减分：推诿（较差件） 0 件 × 1.50 = 0.00").doesNotContain("（按", "−0.00");
        assertThat(lower).contains("满意率 95.00%", "（按 91.23% 计）", "= −1.50", "= +2.00");
    }

    @Test
    void givenARankingNotAtHandWhenRowsAreOpenedThenItIsReadOnceWithThePersonsTokenAndANewerOneIsSaidSo() {
        API.json(
                "GET /api/v1/rankings/2020-09?channel=PHONE&top=10000",
                ranking("2020-09", "PHONE", "LIVE", row(1, "xlt-gongxin", "盘锦市兴隆台区工信局", 1.0, null))
                        .replace("2020-10-08T06:00:00Z", "2020-10-08T07:00:00Z"));
        String older = "/console/rankings/2020-09/PHONE/explanations/%s?version=0-1";

        String first = htmxGet(older.formatted("xlt-gongxin"), LEADER);
        String missing = htmxGet(older.formatted("xlt-chengjian"), LEADER);

        assertThat(first).contains("排名在本页打开后已经更新", "最新名次：第 1 名", "满意率 100.00%");
        assertThat(missing).contains("该单位不在这份排名中");
        assertThat(API.calls("GET", "/api/v1/rankings"))
                .singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo(tokenOf(LEADER)));
    }

    @Test
    void givenAUnitLiaisonWhenTheyAskForAnotherUnitsExplanationThenTheOperatorsRankingIsNotWhatAnswers() {
        cityMonth();
        page("/console/?period=2020-09", OPERATOR);
        API.json(
                "GET /api/v1/rankings/2020-09?channel=PHONE&top=10000",
                ranking("2020-09", "PHONE", "LIVE", row(2, "xlt-chengjian", "盘锦市兴隆台区城建中心", 0.95, null)));

        String other = htmxGet("/console/rankings/2020-09/PHONE/explanations/xlt-gongxin?version=" + VERSION, LIAISON);

        // the operator's kept ranking has 工信局's row: answered from it, the liaison would read it
        assertThat(other).contains("该单位不在这份排名中").doesNotContain("满意率 100.00%");
    }

    @Test
    void givenAPlatformThatSendsDispatchesForwardsSupervisionAndUnreachableVisitsThenTheFiguresShowTheLifecycleRates() {
        String withLifecycle = overview("2020-09", 1316, 0.97552)
                .replace(
                        "\"pushbacks\":5}",
                        "\"pushbacks\":5,\"handled\":1360,\"returnedCases\":44,\"reopened\":0,"
                                + "\"dispatched\":1360,\"signedOnTime\":1202,\"followedUp\":960,"
                                + "\"forwarded\":120,\"forwardedOnTime\":114,\"supervised\":11,\"fedBack\":1226}")
                .replace(
                        "\"excellentRate\":0.8402}",
                        "\"excellentRate\":0.8402,\"returnRate\":0.03235,\"reopenRate\":0.0,\"signInRate\":0.88382,"
                                + "\"validVisitRate\":0.9375,\"dispatchRate\":0.95,\"supervisionRate\":0.00809,\"feedbackRate\":0.93161}");
        cityMonth();
        API.json("GET /api/v1/overview/months?from=2019-10&to=2020-09", overviewMonths("2020-09", withLifecycle));

        String page = look("month-lifecycle", page("/console/?period=2020-09", OPERATOR))
                .replaceAll("\\s+", " ");

        assertThat(page)
                .contains("<dt>及时签收率</dt>", "88.38%", "派单 1360 件，按时签收 1202 件")
                .contains("<dt>回退率</dt>", "3.24%", "经手 1360 件，退回 44 件")
                .contains("<dt>有效回访率</dt>", "93.75%", "回访 960 件，联系到群众 900 件")
                .contains("<dt>按时分转率</dt>", "95.00%", "二级分转 120 件，按时分转 114 件")
                .contains("<dt>督办率</dt>", "0.81%", "经手 1360 件，被督办 11 件")
                .contains("<dt>反馈率</dt>", "93.16%", "受理 1316 件，答复反馈 1226 件")
                .doesNotContain("<dt>重办率</dt>");
    }

    @Test
    void givenUnitsRegisteredInTwoDistrictsWhenOneIsChosenThenTheMonthIsThatDistrictsAndItsRankingAmongItsUnits() {
        API.json(
                        "GET /api/v1/jurisdictions",
                        "[{\"id\":\"211102\",\"name\":\"双台子区\",\"units\":9},"
                                + "{\"id\":\"211103\",\"name\":\"兴隆台区\",\"units\":28}]")
                .json(
                        "GET /api/v1/overview/months?from=2019-10&to=2020-09&jurisdiction=211103",
                        overviewMonths("2020-09", overview("2020-09", 1316, 0.97552)))
                .json(
                        "GET /api/v1/rankings/2020-09?channel=PHONE&top=10000&jurisdiction=211103",
                        ranking("2020-09", "PHONE", "LIVE", row(1, "xlt-gongxin", "盘锦市兴隆台区工信局", 1.0, null)))
                .json(
                        "GET /api/v1/rankings/2020-09?channel=WEB&top=10000&jurisdiction=211103",
                        ranking("2020-09", "WEB", "LIVE"));

        String page = look("month-jurisdiction", page("/console/?period=2020-09&jurisdiction=211103", OPERATOR))
                .replaceAll("\\s+", " ");

        assertThat(page)
                .contains("2020年9月</span> 月度概况 · <span>兴隆台区</span>")
                .contains("<label for=\"jurisdiction\">辖区</label>")
                .contains("<option value=\"\">全部辖区</option>")
                .contains("<option value=\"211103\" selected=\"selected\">兴隆台区</option>")
                .contains("<option value=\"211102\">双台子区</option>")
                .contains("/explanations/xlt-gongxin?version=" + VERSION + "&amp;jurisdiction=211103\"")
                .contains("兴隆台区：基本情况只计本辖区 28 家单位")
                .contains("盘锦市兴隆台区工信局");
        assertThat(htmxGet(
                        "/console/rankings/2020-09/PHONE/explanations/xlt-gongxin?version=" + VERSION
                                + "&jurisdiction=211103",
                        OPERATOR))
                .as("the district's ranking the page showed")
                .contains("满意率 100.00%");
        assertThat(API.calls("GET", "/api/v1/rankings"))
                .hasSize(2)
                .allSatisfy(call -> assertThat(call.uri()).endsWith("&jurisdiction=211103"));
    }

    @Test
    void givenADistrictNoUnitIsRegisteredInThenThePageSaysSoAndShowsThePlatform() {
        cityMonth();
        API.json("GET /api/v1/jurisdictions", "[{\"id\":\"211103\",\"name\":\"兴隆台区\",\"units\":28}]");

        String page = page("/console/?period=2020-09&jurisdiction=999999", OPERATOR);

        assertThat(page).contains("没有单位登记在辖区“999999”，下面是全部辖区的数据。").doesNotContain("基本情况只计本辖区");
        assertThat(API.calls("GET", "/api/v1/rankings"))
                .noneSatisfy(call -> assertThat(call.uri()).contains("jurisdiction"));
    }

    @Test
    void givenAPlatformOfOneDistrictThenThePageOffersNoChoiceOfDistrict() {
        cityMonth();

        assertThat(page("/console/?period=2020-09", OPERATOR)).doesNotContain("辖区");
    }

    @Test
    void givenAPlatformThatSendsNoDispatchesThenNoSignInRateIsShown() {
        cityMonth();

        assertThat(page("/console/?period=2020-09", OPERATOR)).doesNotContain("及时签收率", "回退率", "有效回访率");
    }

    @Test
    void givenAPageThenTheApisAreCalledWithThePersonsOwnToken() {
        cityMonth();

        page("/console/?period=2020-09", LEADER);

        assertThat(API.calls())
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call.authorization()).isEqualTo(tokenOf(LEADER)));
    }

    @Test
    void givenAUnitLiaisonThenThePageShowsWhatTheApiGaveThemOnlyTheirOwnRow() {
        API.json(
                        "GET /api/v1/overview/months?from=2019-10&to=2020-09",
                        overviewMonths("2020-09", overview("2020-09", 30, 0.95)))
                .json(
                        "GET /api/v1/rankings/2020-09?channel=PHONE&top=10000",
                        ranking("2020-09", "PHONE", "LIVE", row(7, "xlt-chengjian", "盘锦市兴隆台区城建中心", 0.95, null)))
                .json("GET /api/v1/rankings/2020-09?channel=WEB&top=10000", ranking("2020-09", "WEB", "LIVE"));

        String page = page("/console/?period=2020-09", LIAISON);

        assertThat(page)
                .contains("盘锦市兴隆台区城建中心", "本单位（xlt-chengjian）", "承办单位联络员")
                .doesNotContain("盘锦市兴隆台区工信局")
                .contains("<td class=\"num\">7</td>");
    }

    @Test
    void givenTheApiRefusesThePersonThenTheyGetA403PageSayingTheyMayNotSeeIt() {
        API.problem("GET /api/v1/overview/months", 403, "unit:xlt-chengjian may not read unit xlt-gongxin");

        String page = get("/console/?period=2020-09", LIAISON)
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page).contains("无权查看", "您的账户无权查看或办理这项内容").contains("cj.liaison");
    }

    @Test
    void givenAMonthWithoutDataThenAnEmptyStateSaysWhatToDoNext() {
        API.json("GET /api/v1/overview/months", overviewMonths("2031-01"));

        String page = page("/console/?period=2031-01", OPERATOR);

        assertThat(page).contains("2031年1月 还没有数据").contains("请在上方选择其他月份").contains("这个月份该渠道还没有排名");
    }

    @Test
    void givenTheApisDoNotAnswerThenAnErrorStateSaysToTryAgain() {
        API.problem("GET /api/v1/overview/months", 503, "circuit open");

        String page = get("/console/?period=2020-09", OPERATOR)
                .expectStatus()
                .isEqualTo(502)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page).contains("暂时无法取得数据", "请稍后刷新页面重试");
    }

    /** {@code page} with the row whose explanation is at {@code path} opened as htmx opens it: details open, text in. */
    private static String opened(String page, String path, String explanation) {
        int at = page.indexOf(path);
        int details = page.lastIndexOf("<details", at) + "<details".length();
        int body = page.indexOf("<div class=\"why-body\">", at) + "<div class=\"why-body\">".length();
        int end = page.indexOf("</div>", body);
        return page.substring(0, details) + " open" + page.substring(details, body) + explanation + page.substring(end);
    }

    @Test
    void givenNoPeriodThenTheDefaultMonthIsShownAndAnUnreadableOneIsSaidSo() {
        cityMonth();

        assertThat(page("/console/", OPERATOR)).contains("2020年9月 月度概况");
        assertThat(page("/console/?period=2020-13", OPERATOR)).contains("“2020-13”不是月份");
        assertThat(GatewayStub.shared().calls()).noneMatch(call -> call.uri().contains("2020-13"));
    }
}
