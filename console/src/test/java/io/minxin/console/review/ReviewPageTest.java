package io.minxin.console.review;

import static io.minxin.console.Fixtures.UNITS;
import static io.minxin.console.Fixtures.review;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import io.minxin.console.GatewayStub.Call;
import org.junit.jupiter.api.Test;

class ReviewPageTest extends ConsoleTestSupport {
    private static final String CONFIRMED = "{\"verdict\":\"CONFIRMED\",\"ruling\":\"应由综合执法局处理\","
            + "\"decidedBy\":\"wang.operator\",\"decidedAt\":\"2020-10-05T02:00:00Z\"}";

    @Test
    void givenAnOperatorThenEachCandidateShowsItsAccountAndLabelledFormsToDecideIt() {
        API.json("GET /api/v1/reviews?period=2020-09", "[" + review("614418", "PENDING", null) + "]")
                .json("GET /api/v1/units?period=2020-09", UNITS);

        String page = page("/console/reviews?period=2020-09", OPERATOR);

        assertThat(page)
                .contains("614418", "流动商贩占道经营", "待复核")
                .contains("该诉求经兴隆街道退回后由城建中心办结。")
                .contains("2020年9月8日 14:05")
                .contains("hx-post=\"/console/reviews/614418/ruling\"")
                .contains("<label for=\"confirm-ruling-614418\">", "id=\"confirm-ruling-614418\"")
                .contains("<label for=\"dismiss-reason-614418\">", "id=\"dismiss-reason-614418\"")
                .contains("<label for=\"reassign-unit-614418\">", "id=\"reassign-unit-614418\"")
                // the candidate itself is no unit to reassign to
                .contains("盘锦市兴隆台区综合执法局")
                .doesNotContain("<option value=\"xlt-chengjian\"");
    }

    @Test
    void givenALeaderThenTheQueueIsShownWithoutAnyWriteControl() {
        API.json("GET /api/v1/reviews?period=2020-09", "[" + review("614418", "CONFIRMED", CONFIRMED) + "]");

        String page = page("/console/reviews?period=2020-09", LEADER);

        assertThat(page).contains("614418", "确认为较差件", "应由综合执法局处理").doesNotContain("hx-post", "<textarea", "裁定意见（");
        assertThat(API.calls("GET", "/api/v1/units")).isEmpty();
    }

    @Test
    void givenAnOperatorsRulingThenTheApiGetsItAndTheRowComesBackUpdated() {
        API.json("POST /api/v1/reviews/614418/ruling", review("614418", "CONFIRMED", CONFIRMED))
                .json("GET /api/v1/units?period=2020-09", UNITS);

        String row = fragment(
                "/console/reviews/614418/ruling",
                OPERATOR,
                "verdict=CONFIRMED&period=2020-09&ruling=%E5%BA%94%E7%94%B1%E7%BB%BC%E5%90%88%E6%89%A7%E6%B3%95%E5%B1%80%E5%A4%84%E7%90%86&reason=");

        Call call = API.calls("POST", "/api/v1/reviews/614418/ruling").get(0);
        assertThat(call.body()).isEqualTo("{\"verdict\":\"CONFIRMED\",\"ruling\":\"应由综合执法局处理\"}");
        assertThat(call.authorization()).isEqualTo(tokenOf(OPERATOR));
        assertThat(row)
                .startsWith("<article class=\"review\"")
                .contains("id=\"review-614418\"", "确认为较差件", "应由综合执法局处理")
                .doesNotContain("<html");
    }

    @Test
    void givenTheApiRefusesARulingThenTheRowSaysWhyAndKeepsWhatWasTyped() {
        API.problem("POST /api/v1/reviews/614418/ruling", 409, "the bulletin of 2020-09 was issued")
                .json("GET /api/v1/reviews?period=2020-09", "[" + review("614418", "PENDING", null) + "]")
                .json("GET /api/v1/units?period=2020-09", UNITS);

        String row = fragment(
                "/console/reviews/614418/ruling", OPERATOR, "verdict=DISMISSED&period=2020-09&reason=typed-reason");

        assertThat(row)
                .contains("本月通报已印发，较差件裁定已不能更改", "the bulletin of 2020-09 was issued")
                .contains(">typed-reason</textarea>");
    }

    @Test
    void givenTextFromTheApiWithMarkupThenThePageShowsItAsTextNeverAsMarkup() {
        API.json(
                "GET /api/v1/reviews?period=2020-09",
                "[" + review("614418", "PENDING", null).replace("流动商贩占道经营", "<script>alert(1)</script>") + "]");

        String page = page("/console/reviews?period=2020-09", LEADER);

        assertThat(page).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
