package io.minxin.console.unit;

import static io.minxin.console.Fixtures.notice;
import static io.minxin.console.Fixtures.overviewMonths;
import static io.minxin.console.Fixtures.ranking;
import static io.minxin.console.Fixtures.row;
import static io.minxin.console.Fixtures.unitMonths;
import static io.minxin.console.Fixtures.unitRow;
import static io.minxin.console.Fixtures.unitTable;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import org.junit.jupiter.api.Test;

class UnitPageTest extends ConsoleTestSupport {
    private static final String CHENGJIAN = "盘锦市兴隆台区城建中心";

    /** 城建中心 in September (both channels) and August (phone only), ranked 2nd on the phone, with two notices. */
    private void chengjiansMonth() {
        API.json(
                        "GET /api/v1/units/xlt-chengjian/months?from=2019-10&to=2020-09",
                        unitMonths(
                                "xlt-chengjian",
                                "2020-09",
                                unitTable(
                                        "2020-09",
                                        unitRow("xlt-chengjian", CHENGJIAN, "PHONE", 0.96666666, 0.95, null),
                                        unitRow("xlt-chengjian", CHENGJIAN, "WEB", 0.9, 0.8, 0.5)),
                                unitTable("2020-08", unitRow("xlt-chengjian", CHENGJIAN, "PHONE", 0.95, 0.9612, 0.7))))
                .json(
                        "GET /api/v1/rankings/2020-09?channel=PHONE&top=10000",
                        ranking(
                                "2020-09",
                                "PHONE",
                                "LIVE",
                                row(1, "xlt-gongxin", "盘锦市兴隆台区工信局", 1.0, null),
                                row(2, "xlt-chengjian", CHENGJIAN, 0.95, null)))
                .json(
                        "GET /api/v1/notices?period=2020-09&unitId=xlt-chengjian",
                        "["
                                + notice(
                                        "PUSHBACK_ALERT",
                                        "xlt-chengjian",
                                        "推诿预警：案件 614418 第 2 次退回",
                                        "城建中心第二次退回案件 614418。",
                                        "2020-09-03T01:30:00Z")
                                + ","
                                + notice(
                                        "DUTY_LETTER",
                                        "xlt-chengjian",
                                        "提示函：9 月第 4 个未值守日",
                                        "城建中心 9 月已有 4 个工作日未登录。",
                                        "2020-09-25T08:02:00Z")
                                + "]")
                .json("GET /api/v1/overview/months", overviewMonths("2020-09"));
    }

    @Test
    void givenAnOperatorWhenAUnitsPageOpensThenItsRowsRankChangesSinceLastMonthAndNoticesAreShown() {
        chengjiansMonth();

        String page = page("/console/units/xlt-chengjian?period=2020-09", OPERATOR);

        assertThat(page)
                .contains(CHENGJIAN, "2020年9月")
                .doesNotContain("盘锦市兴隆台区工信局")
                .contains("话务端", "网络端")
                .contains("第 2 名", "暂无排名") // the phone rank; the web channel has no ranking this month
                .contains("96.67%", "95.00%", "100.00%")
                // phone: 96.67% against 95.00% in August, 95.00% against 96.12%, 100% both months, no excellent rate
                .contains("▲ 1.67 个百分点", "▼ 1.12 个百分点", "持平")
                .contains("较上月上升 1.67 个百分点", "本月或上月没有数据，无法比较");
        // the notices, newest first, their types in Chinese
        assertThat(page.indexOf("提示函：9 月第 4 个未值守日")).isLessThan(page.indexOf("推诿预警：案件 614418"));
        assertThat(page).contains(">提示函</span>", ">推诿预警</span>", "2020年9月25日 16:02");
        // the unit's 12 months read in one call, a month without data a gap; the web channel from September alone
        assertThat(API.calls("GET", "/api/v1/units/xlt-chengjian/months")).hasSize(1);
        assertThat(page)
                .contains("2019年10月")
                .contains("[null,null,null,null,null,null,null,null,null,null,95.0,96.67]")
                .contains("[null,null,null,null,null,null,null,null,null,null,null,90.0]");
        assertThat(API.calls())
                .allSatisfy(call -> assertThat(call.authorization()).isEqualTo(tokenOf(OPERATOR)));
    }

    @Test
    void givenAUnitWithoutNoticesOrDataInTheMonthThenEmptyStatesNameTheMonth() {
        API.json("GET /api/v1/notices", "[]")
                .json("GET /api/v1/units/xlt-chengjian/months", unitMonths("xlt-chengjian", "2031-01"));

        String page = page("/console/units/xlt-chengjian?period=2031-01", OPERATOR);

        assertThat(page)
                .contains("2031年1月 还没有数据", "请在上方选择其他月份")
                .contains("近 12 个月该单位都还没有数据")
                .contains("2031年1月 该单位没有通知");
    }

    @Test
    void givenAUnitLiaisonThenTheyReachTheirOwnUnitsPageFromTheNavAndSeeIt() {
        chengjiansMonth();

        String month = page("/console/?period=2020-09", LIAISON);
        String page = page("/console/units/xlt-chengjian?period=2020-09", LIAISON);

        assertThat(month).contains("href=\"/console/units/xlt-chengjian?period=2020-09\">本单位</a>");
        assertThat(page).contains(CHENGJIAN, "第 2 名", "aria-current=\"page\">本单位</a>");
    }

    @Test
    void givenAUnitLiaisonWhenTheyOpenAnotherUnitsPageAndTheApiRefusesThenTheyGetThe403Page() {
        chengjiansMonth();
        API.problem("GET /api/v1/notices", 403, "unit:xlt-chengjian may not read unit xlt-gongxin")
                .problem(
                        "GET /api/v1/units/xlt-gongxin/months",
                        403,
                        "unit:xlt-chengjian may not read unit xlt-gongxin");

        String page = get("/console/units/xlt-gongxin?period=2020-09", LIAISON)
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page).contains("无权查看", "您的账户无权查看或办理这项内容").doesNotContain(CHENGJIAN);
    }

    @Test
    void givenTheMonthsRankingThenEachUnitsNameLinksToItsPage() {
        chengjiansMonth();

        String month = page("/console/?period=2020-09", OPERATOR);

        assertThat(month)
                .contains("<a href=\"/console/units/xlt-chengjian?period=2020-09\">" + CHENGJIAN + "</a>")
                .doesNotContain(">本单位</a>");
    }
}
