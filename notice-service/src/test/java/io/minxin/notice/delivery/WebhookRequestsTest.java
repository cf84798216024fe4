package io.minxin.notice.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.EventJson;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.notice.notices.NoticeJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookRequestsTest {
    static final Instant NOW = Instant.parse("2020-10-01T00:00:00Z");
    static final Notice NOTICE = Notice.builder(
                    NoticeType.PUSHBACK_CONFIRMED, "pushback-confirmed|625810|xlt-zhenxing", NOW)
            .period("2020-09")
            .unit("xlt-zhenxing", "盘锦市兴隆台区振兴街道办事处")
            .caseId("625810")
            .title("较差件（推诿）：案件625810")
            .text("振兴街道三次均以“请分派至住建部门”为由退件，目前该案件已由振兴街道结案。")
            .build();

    @Test
    void genericBodyIsTheNoticeJsonSignedWithTheSecret() {
        Subscription subscription = subscription(WebhookKind.GENERIC, "https://example.org/hook", "s3cret");

        WebhookRequests.Request request = WebhookRequests.build(subscription, NOTICE, NOW);

        assertThat(NoticeJson.fromJson(new String(request.body(), StandardCharsets.UTF_8)))
                .isEqualTo(NOTICE);
        String expected = "sha256=" + HexFormat.of().formatHex(WebhookRequests.hmac("s3cret", request.body()));
        assertThat(request.headers())
                .containsEntry("X-Minxin-Signature", expected)
                .containsEntry("X-Minxin-Notice-Id", NOTICE.id())
                .containsEntry("X-Minxin-Notice-Type", "PUSHBACK_CONFIRMED");
        assertThat(expected).matches("sha256=[0-9a-f]{64}");
    }

    @Test
    void weComGetsAMarkdownMessage() {
        Subscription subscription =
                subscription(WebhookKind.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null);

        JsonNode body = EventJson.mapper()
                .readTree(WebhookRequests.build(subscription, NOTICE, NOW).body());

        assertThat(body.path("msgtype").asString()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("content").asString())
                .startsWith("### 较差件（推诿）：案件625810")
                .contains("振兴街道三次均以“请分派至住建部门”为由退件");
    }

    @Test
    void dingTalkGetsTitleAndTextAndASignedUrl() {
        Subscription subscription =
                subscription(WebhookKind.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=t", "SEC1");

        WebhookRequests.Request request = WebhookRequests.build(subscription, NOTICE, NOW);
        JsonNode body = EventJson.mapper().readTree(request.body());

        assertThat(body.path("markdown").path("title").asString()).isEqualTo(NOTICE.title());
        assertThat(body.path("markdown").path("text").asString()).contains("目前该案件已由振兴街道结案");
        String query = request.uri().getRawQuery();
        assertThat(query).startsWith("access_token=t&timestamp=" + NOW.toEpochMilli() + "&sign=");
        String sign = URLDecoder.decode(query.substring(query.indexOf("sign=") + 5), StandardCharsets.UTF_8);
        byte[] expected =
                WebhookRequests.hmac("SEC1", (NOW.toEpochMilli() + "\nSEC1").getBytes(StandardCharsets.UTF_8));
        assertThat(Base64.getDecoder().decode(sign)).isEqualTo(expected);
    }

    @Test
    void markupInTextsIsEscapedForTheRobots() {
        Notice notice = Notice.builder(NoticeType.PUSHBACK_ALERT, "x", NOW)
                .title("t")
                .text("见 [链接](http://evil) **粗**")
                .build();

        assertThat(WebhookRequests.markdown(notice)).contains("见 \\[链接\\](http://evil) \\*\\*粗\\*\\*");
    }

    private static Subscription subscription(WebhookKind kind, String url, String secret) {
        return new Subscription("sub-1", "test", kind, url, secret, Set.of(), NOW);
    }
}
