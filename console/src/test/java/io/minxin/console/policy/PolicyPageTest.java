package io.minxin.console.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import io.minxin.console.Fixtures;
import io.minxin.console.GatewayStub.Call;
import org.junit.jupiter.api.Test;

class PolicyPageTest extends ConsoleTestSupport {

    static String policy(String channel, int version, String effectiveFrom, String satisfactionWeight) {
        return "{\"id\":\"" + channel.toLowerCase() + "-ranking\",\"version\":" + version + ",\"channel\":\"" + channel
                + "\",\"effectiveFrom\":\"" + effectiveFrom + "\",\"description\":\"五佳五差\",\"minReceived\":3,"
                + "\"order\":\"WEIGHTED\",\"weights\":{\"completionRate\":0.2,\"onTimeRate\":0.2,"
                + "\"satisfactionRate\":" + satisfactionWeight + ",\"excellentRate\":0.1},\"rates\":[],"
                + "\"tieBreaks\":[\"RECEIVED\",\"FEWER_PUSHBACKS\"],\"top\":5,\"rateEstimator\":\"RAW\","
                + "\"nullRates\":\"RANK_LAST\",\"scoreView\":{\"base\":100.0,\"bonuses\":[{\"fact\":\"EXCELLENT\","
                + "\"points\":0.5}],\"penalties\":[{\"fact\":\"PUSHBACK\",\"points\":1.5}]},"
                + "\"createdAt\":\"2020-10-08T06:00:00Z\"}";
    }

    private static final String POLICIES = "[" + policy("PHONE", 1, "2020-01", "0.4") + ","
            + policy("PHONE", 2, "2020-09", "0.5") + "," + policy("WEB", 1, "2020-01", "0.4") + "]";

    private static final String FORM = "period=2020-09&effectiveFrom=2020-10&description=%E6%96%B0&order=WEIGHTED"
            + "&weights.completionRate=0.2&weights.onTimeRate=&weights.satisfactionRate=0.6"
            + "&weights.excellentRate=0.2&rates%5B0%5D=satisfactionRate&tieBreaks%5B0%5D=RECEIVED&tieBreaks%5B1%5D="
            + "&top=3&minReceived=5&rateEstimator=WILSON_LOWER_BOUND&nullRates=NOT_ELIGIBLE";

    @Test
    void givenAnOperatorThenEachChannelShowsItsNewestVersionInAFormWithALabelOnEveryControl() {
        API.json("GET /api/v1/policies", POLICIES);

        String page = look("policies-operator", page("/console/policies", OPERATOR));

        assertThat(page)
                .contains("话务端</span>排名规则", "网络端</span>排名规则", "第 2 版", "第 1 版", "2020年9月")
                .contains("总分 = 基础分 <span>100.00</span>", "优秀件 每件 0.50", "推诿（较差件） 每件 1.50")
                .contains("<label for=\"weight-PHONE-satisfactionRate\">满意率</label>")
                .containsPattern("name=\"weights.satisfactionRate\" value=\"0.5\"")
                .containsPattern("value=\"WEIGHTED\"\\s+selected")
                .containsPattern("value=\"FEWER_PUSHBACKS\"\\s+selected")
                .contains("<label for=\"top-PHONE\">", "<label for=\"min-PHONE\">", "<label for=\"period-PHONE\">")
                .contains("hx-post=\"/console/policies/PHONE/what-if\"", "hx-post=\"/console/policies/PHONE\"")
                .contains("较早的 1 个版本", "第 1 版：自 2020年1月 起，加权计分（按权重合计得分），前 5 名，保存于 2020年10月8日 14:00；五佳五差")
                .contains("hx-confirm=", "htmx-indicator", "正在计算")
                .contains("<fieldset class=\"weights\" data-order=\"WEIGHTED\">")
                .contains("<fieldset class=\"weights\" data-order=\"LEXICOGRAPHIC\" disabled=\"disabled\">");
    }

    @Test
    void givenAPreviewThenTheApiRanksTheEditedPolicyAndThePageMarksEachUnitsMove() {
        String current = Fixtures.ranking(
                "2020-09",
                "PHONE",
                "LIVE",
                Fixtures.row(1, "xlt-chengjian", "城建中心", 0.9, null),
                Fixtures.row(2, "xlt-zhifa", "综合执法局", 0.8, null),
                Fixtures.row(3, "xlt-xinglong", "兴隆街道", 0.7, null));
        String trial = Fixtures.ranking(
                        "2020-09",
                        "PHONE",
                        "WHAT_IF",
                        Fixtures.row(1, "xlt-zhifa", "综合执法局", 0.8, null),
                        Fixtures.row(2, "xlt-chengjian", "城建中心", 0.9, null),
                        Fixtures.row(3, "xlt-new", "新单位", 0.7, null))
                .replace(
                        "\"notEligible\":[]",
                        "\"notEligible\":[{\"unitId\":\"xlt-xinglong\",\"unitName\":\"兴隆街道\","
                                + "\"reason\":\"received 2 is below minReceived 5\","
                                + "\"grounds\":[{\"kind\":\"TOO_FEW_RECEIVED\",\"count\":2,\"minimum\":5}]}]");
        API.json("GET /api/v1/policies", POLICIES)
                .json("GET /api/v1/rankings/2020-09", current)
                .json("POST /api/v1/rankings/2020-09/what-if", trial);

        String card = look("policies-preview", fragment("/console/policies/PHONE/what-if", OPERATOR, FORM));

        Call call = API.calls("POST", "/api/v1/rankings/2020-09/what-if").get(0);
        assertThat(call.uri()).endsWith("?channel=PHONE");
        assertThat(call.authorization()).isEqualTo(tokenOf(OPERATOR));
        assertThat(call.body())
                .isEqualTo("{\"channel\":\"PHONE\",\"effectiveFrom\":\"2020-10\",\"description\":\"新\","
                        + "\"order\":\"WEIGHTED\",\"weights\":{\"completionRate\":0.2,\"satisfactionRate\":0.6,"
                        + "\"excellentRate\":0.2},\"tieBreaks\":[\"RECEIVED\"],\"top\":3,\"minReceived\":5,"
                        + "\"rateEstimator\":\"WILSON_LOWER_BOUND\",\"nullRates\":\"NOT_ELIGIBLE\","
                        + "\"scoreView\":{\"base\":100.0,\"bonuses\":[{\"fact\":\"EXCELLENT\",\"points\":0.5}],"
                        + "\"penalties\":[{\"fact\":\"PUSHBACK\",\"points\":1.5}]}}");
        assertThat(API.calls("PUT", "/api/v1/policies")).isEmpty();
        assertThat(card)
                .startsWith("<article class=\"policy review\" id=\"policy-PHONE\"")
                .contains("2020年9月 预览：4 家单位名次变化", "当前规则", "修改后的规则（未保存）")
                .containsPattern("<tr class=\"moved-up\">\\s*<td class=\"num\">1</td>\\s*<td>综合执法局</td>")
                .contains("<td class=\"move\">↑1</td>", "<td class=\"move\">↓1</td>", "<td class=\"move\">新进入</td>")
                .contains("按修改后的规则不再参加排名", "兴隆街道：受理 2 件，少于参评最低件数 5 件")
                .containsPattern("name=\"weights.satisfactionRate\" value=\"0.6\"")
                .doesNotContain("<html");
    }

    @Test
    void givenTheApiRefusesTheEditedPolicyThenTheErrorStandsNextToTheFieldAndTheTypedValuesStay() {
        API.json("GET /api/v1/policies", POLICIES)
                .json(
                        "POST /api/v1/rankings/2020-09/what-if",
                        400,
                        "{\"status\":400,\"detail\":\"invalid ranking policy\",\"violations\":["
                                + "{\"field\":\"weights.satisfactionRate\",\"message\":\"must be a number\"},"
                                + "{\"field\":\"top\",\"message\":\"must be a whole number from 1 to 1000\"}]}");

        String card = look(
                "policies-refused",
                fragment(
                        "/console/policies/PHONE/what-if",
                        OPERATOR,
                        FORM.replace("weights.satisfactionRate=0.6", "weights.satisfactionRate=lots")
                                .replace("top=3", "top=0")));

        assertThat(API.calls("POST", "/api/v1/rankings").get(0).body())
                .contains("\"satisfactionRate\":\"lots\"", "\"top\":0");
        assertThat(card)
                .contains("预览未能完成：请按提示修改规则", "invalid ranking policy")
                .contains("<p class=\"field-error\">weights.satisfactionRate: must be a number</p>")
                .contains("<p class=\"field-error\">top: must be a whole number from 1 to 1000</p>")
                .containsPattern("name=\"weights.satisfactionRate\" value=\"lots\"")
                .containsPattern("name=\"top\" value=\"0\"")
                .doesNotContain("当前规则", "<li>top: must be");
    }

    @Test
    void givenSaveThenTheEditedPolicyIsPutAsTheNextVersionAndTheCardOpensOnIt() {
        API.json("GET /api/v1/policies", POLICIES)
                .json("PUT /api/v1/policies/PHONE", 201, policy("PHONE", 3, "2020-10", "0.6"));

        String card = fragment("/console/policies/PHONE", OPERATOR, FORM);

        Call call = API.calls("PUT", "/api/v1/policies/PHONE").get(0);
        assertThat(call.body()).contains("\"effectiveFrom\":\"2020-10\"", "\"satisfactionRate\":0.6", "\"scoreView\"");
        assertThat(call.authorization()).isEqualTo(tokenOf(OPERATOR));
        assertThat(card)
                .contains("已保存为第 3 版，自 2020年10月 起的排名按新规则计算。", "第 3 版")
                .containsPattern("<div><dt>版本数</dt><dd>3</dd></div>")
                .contains("较早的 2 个版本");
    }

    /** A policy of the full language as ranking-service answers it: indicators instead of weights, no score view. */
    private static final String LANGUAGE_POLICY = "[{\"id\":\"phone-ranking\",\"version\":4,\"channel\":\"PHONE\","
            + "\"effectiveFrom\":\"2027-01\",\"description\":\"榆林式\",\"minReceived\":1,\"order\":\"WEIGHTED\","
            + "\"weights\":{},\"rates\":[],\"tieBreaks\":[\"RECEIVED\"],\"top\":5,\"rateEstimator\":\"RAW\","
            + "\"nullRates\":\"RANK_LAST\",\"scoreView\":null,\"createdAt\":\"2027-01-02T06:00:00Z\","
            + "\"indicators\":[{\"rate\":\"onTimeRate\",\"weight\":50.0,\"scoring\":\"BANDS\",\"zeroAt\":null,"
            + "\"fullAt\":null,\"bands\":[{\"from\":0.0,\"points\":0.0},{\"from\":0.85,\"points\":0.6}]},"
            + "{\"rate\":\"returnRate\",\"weight\":30.0,\"scoring\":\"LINEAR\",\"zeroAt\":0.2,\"fullAt\":0.0,"
            + "\"bands\":[],\"minCases\":10}],"
            + "\"adjustments\":{\"bonuses\":[],\"penalties\":[{\"fact\":\"PUSHBACK\",\"points\":1.0,\"cap\":5.0}]},"
            + "\"tiers\":[{\"name\":\"诉求量大\",\"minReceived\":100},{\"name\":\"诉求量小\",\"minReceived\":1}],"
            + "\"lists\":[{\"name\":\"红榜\",\"from\":\"TOP\",\"size\":5},{\"name\":\"黑榜\",\"from\":\"BOTTOM\","
            + "\"size\":5}]}]";

    @Test
    void givenAPolicyOfTheFullLanguageThenThePageShowsItsRulesAndSavingCarriesThemOver() {
        API.json("GET /api/v1/policies", LANGUAGE_POLICY)
                .json("PUT /api/v1/policies/PHONE", 201, policy("PHONE", 5, "2027-02", "0.6"));

        String page = look("policies-language", page("/console/policies", OPERATOR));
        fragment(
                "/console/policies/PHONE",
                OPERATOR,
                "period=2026-12&effectiveFrom=2027-02&order=WEIGHTED&tieBreaks%5B0%5D=RECEIVED&top=5&minReceived=1");

        assertThat(page)
                .contains("以下计分规则本页不修改，保存时沿用")
                .contains("按时办结率 权重 50.00", "≥ 0.00% 得 0.00", "；≥ 85.00% 得 0.60")
                .contains("回退率 权重 30.00", "20.00% 得 0，0.00% 得满分", "；计算件数不足 10 件的单位不参加排名")
                .contains("推诿（较差件） 每件 1.00（最多 5.00）")
                .contains("诉求量大（受理 100 件及以上）", "；诉求量小（受理 1 件及以上）")
                .contains("红榜（前 5 名）", "；黑榜（后 5 名）")
                .contains("各指标的权重和计分方式在指标中，本页不修改")
                .containsPattern("<fieldset class=\"weights\" data-order=\"WEIGHTED\"[^>]*hidden");
        assertThat(API.calls("PUT", "/api/v1/policies/PHONE").get(0).body())
                .contains("\"indicators\":[{\"rate\":\"onTimeRate\",\"weight\":50.0,\"scoring\":\"BANDS\","
                        + "\"bands\":[{\"from\":0.0,\"points\":0.0},{\"from\":0.85,\"points\":0.6}]},")
                .contains("\"zeroAt\":0.2,\"fullAt\":0.0,\"minCases\":10")
                .contains("\"adjustments\":{\"bonuses\":[],\"penalties\":[{\"fact\":\"PUSHBACK\",\"points\":1.0,"
                        + "\"cap\":5.0}]}")
                .contains("\"tiers\":[{\"name\":\"诉求量大\",\"minReceived\":100}", "\"lists\":[{\"name\":\"红榜\"")
                .doesNotContain("scoreView");
    }

    @Test
    void givenAnOperatorRecomputingClosedMonthsThenThePanelFollowsTheJobUntilEachMonthsOutcomeIsListed() {
        String running = "{\"id\":\"2020-08..2020-09-ab12\",\"from\":\"2020-08\",\"to\":\"2020-09\","
                + "\"requestedBy\":\"wang.operator\",\"requestedAt\":\"2020-10-20T01:00:00Z\",\"total\":4,\"done\":0,"
                + "\"state\":\"RUNNING\",\"results\":[]}";
        String done = "{\"id\":\"2020-08..2020-09-ab12\",\"from\":\"2020-08\",\"to\":\"2020-09\","
                + "\"requestedBy\":\"wang.operator\",\"requestedAt\":\"2020-10-20T01:00:00Z\",\"total\":4,\"done\":4,"
                + "\"state\":\"DONE\",\"results\":["
                + "{\"period\":\"2020-08\",\"channel\":\"PHONE\",\"outcome\":\"UNCHANGED\",\"revision\":1,\"policyVersion\":2,\"changes\":0},"
                + "{\"period\":\"2020-08\",\"channel\":\"WEB\",\"outcome\":\"UNCHANGED\",\"revision\":1,\"policyVersion\":1,\"changes\":0},"
                + "{\"period\":\"2020-09\",\"channel\":\"PHONE\",\"outcome\":\"PENDING\",\"revision\":2,\"policyVersion\":3,\"changes\":4},"
                + "{\"period\":\"2020-09\",\"channel\":\"WEB\",\"outcome\":\"OPEN\",\"changes\":0}],"
                + "\"finishedAt\":\"2020-10-20T01:00:03Z\"}";
        API.json("GET /api/v1/policies", "[" + policy("PHONE", 3, "2020-08", "0.2") + "]")
                .json("POST /api/v1/periods/recomputations", 202, running)
                .json("GET /api/v1/periods/recomputations/2020-08..2020-09-ab12", done);

        assertThat(page("/console/policies", OPERATOR))
                .contains("按现行规则重算已关账月份", "<label for=\"recompute-from\">起始月份</label>")
                .contains("id=\"recompute-from\" name=\"from\" value=\"2020-08\"");
        String started = fragment("/console/policies/recompute", OPERATOR, "from=2020-08&to=2020-09");
        String finished =
                look("policies-recomputed", page("/console/policies/recomputations/2020-08..2020-09-ab12", OPERATOR));

        assertThat(started)
                .contains("正在重算 2020年8月至2020年9月：已完成 0 / 4")
                .contains("hx-get=\"/console/policies/recomputations/2020-08..2020-09-ab12\"", "load delay:1s");
        assertThat(API.calls("POST", "/api/v1/periods/recomputations"))
                .singleElement()
                .satisfies(call -> assertThat(call.uri()).contains("from=2020-08", "to=2020-09"));
        assertThat(finished)
                .contains("重算完成：2020年8月至2020年9月，共 4 项。")
                .contains("已生成待发布的第 2 版（排名规则第 3 版，4 家单位有变化）", "无变化", "尚未关账，实时排名已按现行规则")
                .doesNotContain("load delay:1s");
        assertThat(page("/console/policies", LEADER)).doesNotContain("按现行规则重算已关账月份");
    }

    @Test
    void givenALeaderThenPoliciesAreReadWithoutAFormAndTheirPreviewIsRefusedWithoutCallingTheApi() {
        API.json("GET /api/v1/policies", POLICIES);

        assertThat(page("/console/policies", LEADER))
                .contains("话务端</span>排名规则", "第 2 版")
                .doesNotContain("<form class=\"policy-form\"", "hx-post", "排名规则</a>");
        htmxPost("/console/policies/PHONE/what-if", LEADER, FORM).expectStatus().isForbidden();
        htmxPost("/console/policies/PHONE", LEADER, FORM).expectStatus().isForbidden();
        assertThat(API.calls("POST", "/api/v1/rankings")).isEmpty();
        assertThat(API.calls("PUT", "/api/v1/policies")).isEmpty();
    }
}
