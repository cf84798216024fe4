package io.minxin.console.key;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import io.minxin.console.Fixtures;
import io.minxin.console.GatewayStub.Call;
import org.junit.jupiter.api.Test;

class KeyPageTest extends ConsoleTestSupport {
    private static final String KEYS = "["
            + "{\"id\":\"k-old\",\"name\":\"旧看板\",\"roles\":[\"dashboard\"],\"scope\":\"unit:xlt-chengjian\","
            + "\"createdAt\":\"2020-09-01T02:00:00Z\",\"revokedAt\":\"2020-10-01T02:00:00Z\",\"bootstrap\":false},"
            + "{\"id\":\"k-hotline\",\"name\":\"12345 热线平台\",\"roles\":[\"integration\"],\"scope\":\"all\","
            + "\"createdAt\":\"2020-10-08T06:05:00Z\",\"revokedAt\":null,\"bootstrap\":false}]";

    @Test
    void givenAnOperatorThenEveryKeyIsListedValidOnesFirstWithARevokeButtonAskingToConfirm() {
        API.json("GET /api/v1/keys", KEYS).json("GET /api/v1/units?period=2020-09", Fixtures.UNITS);

        String page = look("keys-operator", page("/console/keys", OPERATOR));

        assertThat(page)
                .contains("12345 热线平台", "对接系统", "全部单位", "2020年10月8日 14:05", "有效")
                .contains("旧看板", "看板（只读）", "单位 盘锦市兴隆台区城建中心（xlt-chengjian）", "已吊销（2020年10月1日 10:00）")
                .contains("hx-post=\"/console/keys/k-hotline/revoke\"", "hx-confirm=\"吊销密钥「12345 热线平台」？")
                .doesNotContain("/console/keys/k-old/revoke")
                .contains("<label for=\"key-name\">", "<legend>角色</legend>", "<label for=\"key-scope\">");
        assertThat(page.indexOf("12345 热线平台")).isLessThan(page.indexOf("旧看板"));
        assertThat(page)
                .as("the scope is offered by unit name, each unit once")
                .contains(
                        "list=\"scope-units\"", "<datalist id=\"scope-units\">", "<option value=\"all\">全部单位</option>")
                .contains("<option value=\"unit:xlt-chengjian\">盘锦市兴隆台区城建中心</option>");
        assertThat(page.split("value=\"unit:xlt-zhifa\"", -1)).hasSize(2);
    }

    @Test
    void givenMetricsServiceWithoutTheMonthThenTheKeysPageStillOffersAllUnits() {
        API.json("GET /api/v1/keys", KEYS);

        String page = page("/console/keys", OPERATOR);

        assertThat(page).contains("<option value=\"all\">全部单位</option>").doesNotContain("value=\"unit:");
    }

    @Test
    void givenAnIssuedKeyThenItIsShownOnceWithACopyButtonAndTheListHasIt() {
        API.json(
                        "POST /api/v1/keys",
                        201,
                        "{\"id\":\"k-new\",\"name\":\"看板\",\"roles\":[\"dashboard\"],\"scope\":\"all\","
                                + "\"createdAt\":\"2020-10-09T02:00:00Z\",\"key\":\"mx_k-new_s3cr3t\"}")
                .json("GET /api/v1/keys", KEYS);

        String board = look(
                "keys-issued", fragment("/console/keys", OPERATOR, "name=%E7%9C%8B%E6%9D%BF&roles=dashboard&scope="));

        Call call = API.calls("POST", "/api/v1/keys").get(0);
        assertThat(call.body()).isEqualTo("{\"name\":\"看板\",\"roles\":[\"dashboard\"],\"scope\":\"all\"}");
        assertThat(call.authorization()).isEqualTo(tokenOf(OPERATOR));
        assertThat(board)
                .startsWith("<div id=\"keys-board\"")
                .contains("新密钥「看板」", "只显示这一次", "value=\"mx_k-new_s3cr3t\"", "data-copy=\"issued-key\"")
                .contains("Ctrl+C");
    }

    @Test
    void givenTheGatewayRefusesAKeyThenTheFormSaysWhyNextToTheField() {
        API.json(
                        "POST /api/v1/keys",
                        400,
                        "{\"status\":400,\"detail\":\"scope a unit scope is only for dashboard keys\","
                                + "\"violations\":[{\"field\":\"scope\",\"message\":\"a unit scope is only for"
                                + " dashboard keys\"}]}")
                .json("GET /api/v1/keys", "[]");

        String board = fragment("/console/keys", OPERATOR, "name=x&roles=operator&scope=unit%3Axlt-chengjian");

        assertThat(board)
                .contains("密钥未签发", "<p class=\"field-error\">scope: a unit scope is only for dashboard keys</p>")
                .contains("value=\"unit:xlt-chengjian\"", "还没有 API 密钥")
                .containsPattern("value=\"operator\"\\s+checked");
    }

    @Test
    void givenARevokeThenTheGatewayDeletesTheKeyAndTheBoardSaysSo() {
        API.json("DELETE /api/v1/keys/k-hotline", 204, "").json("GET /api/v1/keys", KEYS);

        String board = fragment("/console/keys/k-hotline/revoke", OPERATOR, "");

        assertThat(API.calls("DELETE", "/api/v1/keys/k-hotline")).hasSize(1);
        assertThat(board).contains("密钥 k-hotline 已吊销");
    }

    @Test
    void givenALeaderThenTheGatewaysRefusalIsAReadable403PageAndNoManagementLinks() {
        API.problem("GET /api/v1/keys", 403, "operators only");

        String page = look(
                "keys-forbidden",
                get("/console/keys", LEADER)
                        .expectStatus()
                        .isForbidden()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody());

        assertThat(page).contains("无权查看", "您的账户无权查看或办理这项内容", "返回本月概况").doesNotContain("API 密钥</a>", "审计记录</a>");
        htmxPost("/console/keys/k-hotline/revoke", LEADER, "").expectStatus().isForbidden();
        assertThat(API.calls("DELETE", "/api/v1/keys")).isEmpty();
    }
}
