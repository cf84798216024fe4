package io.minxin.console.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import io.minxin.console.Fixtures;
import io.minxin.console.GatewayStub.Call;
import org.junit.jupiter.api.Test;

class AccountsPageTest extends ConsoleTestSupport {
    private static final String ACCOUNTS = "[{\"username\":\"wang.operator\",\"role\":\"operator\",\"scope\":\"all\","
            + "\"createdAt\":\"2020-09-01T02:00:00Z\",\"lockedUntil\":null},"
            + "{\"username\":\"cj.liaison\",\"role\":\"dashboard\",\"scope\":\"unit:xlt-chengjian\","
            + "\"createdAt\":\"2020-09-02T02:00:00Z\",\"lockedUntil\":\"2999-01-01T00:00:00Z\"}]";

    @Test
    void givenAnOperatorThenEveryAccountIsListedWithRoleScopeAndLockAndAFormOpensOne() {
        API.json("GET /api/v1/accounts", ACCOUNTS).json("GET /api/v1/units?period=2020-09", Fixtures.UNITS);

        String page = look("accounts-operator", page("/console/accounts", OPERATOR));

        assertThat(page)
                .contains("wang.operator", "营商局操作员", "全部单位", "正常")
                .contains("cj.liaison", "单位 盘锦市兴隆台区城建中心（xlt-chengjian）", "多次密码错误，锁定至 2999年1月1日 08:00")
                .contains(
                        "<label for=\"account-username\">",
                        "<label for=\"account-role\">",
                        "<label for=\"account-scope\">")
                .contains("hx-post=\"/console/accounts\"")
                .contains("id=\"account-scope\" name=\"scope\" autocomplete=\"off\" list=\"scope-units\"")
                .contains("<option value=\"unit:xlt-zhifa\">盘锦市兴隆台区综合执法局</option>");
    }

    @Test
    void givenAnOpenedAccountThenItsFirstPasswordIsShownOnce() {
        API.json(
                        "POST /api/v1/accounts",
                        201,
                        "{\"username\":\"zx.liaison\",\"role\":\"dashboard\",\"scope\":\"unit:xlt-zhifa\","
                                + "\"createdAt\":\"2020-10-09T02:00:00Z\",\"password\":\"Tq7-first-pass\"}")
                .json("GET /api/v1/accounts", ACCOUNTS);

        String board = look(
                "accounts-opened",
                fragment("/console/accounts", OPERATOR, "username=zx.liaison&role=dashboard&scope=unit%3Axlt-zhifa"));

        Call call = API.calls("POST", "/api/v1/accounts").get(0);
        assertThat(call.body())
                .isEqualTo("{\"username\":\"zx.liaison\",\"role\":\"dashboard\",\"scope\":\"unit:xlt-zhifa\"}");
        assertThat(call.authorization()).isEqualTo(tokenOf(OPERATOR));
        assertThat(board).contains("账户 zx.liaison 的初始密码", "value=\"Tq7-first-pass\"", "首次登录后");
    }

    @Test
    void givenATakenUsernameThenTheBoardSaysSoAndKeepsWhatWasTyped() {
        API.problem("POST /api/v1/accounts", 409, "account cj.liaison exists").json("GET /api/v1/accounts", ACCOUNTS);

        assertThat(fragment("/console/accounts", OPERATOR, "username=cj.liaison&role=operator&scope="))
                .contains("这个用户名已被使用，请换一个。（account cj.liaison exists）")
                .contains("value=\"cj.liaison\"")
                .containsPattern("value=\"operator\"\\s+selected");
    }

    @Test
    void givenALeaderThenTheAccountsPageIsA403AndOpeningOneIsRefused() {
        API.problem("GET /api/v1/accounts", 403, "operators only");

        get("/console/accounts", LEADER).expectStatus().isForbidden();
        htmxPost("/console/accounts", LEADER, "username=x&role=operator")
                .expectStatus()
                .isForbidden();
        assertThat(API.calls("POST", "/api/v1/accounts")).isEmpty();
    }
}
