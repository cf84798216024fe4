package io.minxin.console.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import io.minxin.console.GatewayStub.Call;
import org.junit.jupiter.api.Test;

class SubscriptionPageTest extends ConsoleTestSupport {
    private static final String SUBSCRIPTIONS = "[{\"id\":\"s-1\",\"name\":\"值班群\",\"kind\":\"WECOM\","
            + "\"url\":\"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…\",\"types\":[\"DUTY_LETTER\","
            + "\"PUSHBACK_ALERT\"],\"signed\":false,\"secret\":null,\"createdAt\":\"2020-10-08T06:05:00Z\"}]";

    @Test
    void givenAnOperatorThenEachSubscriptionIsListedWithItsNoticesAndADeleteButtonAskingToConfirm() {
        API.json("GET /api/v1/subscriptions", SUBSCRIPTIONS);

        String page = look("subscriptions-operator", page("/console/subscriptions", OPERATOR));

        assertThat(page)
                .contains("值班群", "企业微信群机器人", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…")
                .contains("提示函、推诿预警", "2020年10月8日 14:05")
                .contains("hx-post=\"/console/subscriptions/s-1/delete\"", "hx-confirm=\"删除订阅「值班群」？")
                .contains("<label for=\"sub-url\">", "<label for=\"sub-kind\">", "接收的通知（都不选即全部接收）");
    }

    @Test
    void givenAGenericWebhookThenItsGeneratedSecretIsShownOnceAndOnlyTypedFieldsAreSent() {
        API.json(
                        "POST /api/v1/subscriptions",
                        201,
                        "{\"id\":\"s-2\",\"name\":\"督办系统\",\"kind\":\"GENERIC\",\"url\":\"https://db.example.cn/hook\","
                                + "\"types\":[],\"signed\":true,\"secret\":\"abcdef0123\","
                                + "\"createdAt\":\"2020-10-09T02:00:00Z\"}")
                .json("GET /api/v1/subscriptions", SUBSCRIPTIONS);

        String board = look(
                "subscriptions-created",
                fragment(
                        "/console/subscriptions",
                        OPERATOR,
                        "name=%E7%9D%A3%E5%8A%9E%E7%B3%BB%E7%BB%9F&kind=GENERIC&url=https%3A%2F%2Fdb.example.cn%2Fhook"
                                + "&secret=&types=BULLETIN_ISSUED"));

        Call call = API.calls("POST", "/api/v1/subscriptions").get(0);
        assertThat(call.body())
                .isEqualTo("{\"name\":\"督办系统\",\"kind\":\"GENERIC\",\"url\":\"https://db.example.cn/hook\","
                        + "\"types\":[\"BULLETIN_ISSUED\"]}");
        assertThat(board)
                .contains("订阅「督办系统」的签名密钥", "value=\"abcdef0123\"", "已订阅：督办系统")
                .startsWith("<div id=\"subscriptions-board\"");
    }

    @Test
    void givenARefusedUrlThenTheReasonStandsNextToItAndADeleteRemovesASubscription() {
        API.json(
                        "POST /api/v1/subscriptions",
                        400,
                        "{\"status\":400,\"violations\":[{\"field\":\"url\",\"message\":\"must be a public address\"}]}")
                .json("GET /api/v1/subscriptions", "[]");

        assertThat(fragment("/console/subscriptions", OPERATOR, "kind=WECOM&url=http%3A%2F%2F10.0.0.1%2F"))
                .contains("订阅未创建", "<p class=\"field-error\">url: must be a public address</p>")
                .contains("value=\"http://10.0.0.1/\"", "还没有通知订阅")
                .containsPattern("value=\"WECOM\"\\s+selected");

        API.reset();
        API.json("DELETE /api/v1/subscriptions/s-1", 204, "").json("GET /api/v1/subscriptions", "[]");
        assertThat(fragment("/console/subscriptions/s-1/delete", OPERATOR, "")).contains("订阅已删除");
        assertThat(API.calls("DELETE", "/api/v1/subscriptions/s-1")).hasSize(1);
    }

    @Test
    void givenAUnitLiaisonThenTheApisRefusalIsAReadable403PageAndTheirSubscribingIsRefused() {
        API.problem("GET /api/v1/subscriptions", 403, "operators only");

        get("/console/subscriptions", LIAISON)
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .value(page -> {
                    assertThat(page).contains("无权查看").doesNotContain("通知订阅</a>");
                });
        htmxPost("/console/subscriptions", LIAISON, "kind=WECOM&url=https%3A%2F%2Fx.cn")
                .expectStatus()
                .isForbidden();
        assertThat(API.calls("POST", "/api/v1/subscriptions")).isEmpty();
    }
}
