package io.minxin.notice.delivery;

import io.minxin.events.EventJson;
import io.minxin.events.notice.Notice;
import io.minxin.notice.notices.NoticeJson;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.node.ObjectNode;

/** The HTTP request that delivers one notice to one subscription, per {@link WebhookKind}. */
final class WebhookRequests {
    static final String NOTICE_ID_HEADER = "X-Minxin-Notice-Id";
    static final String NOTICE_TYPE_HEADER = "X-Minxin-Notice-Type";
    static final String SIGNATURE_HEADER = "X-Minxin-Signature";

    /** One request: where, which headers, which bytes. */
    record Request(URI uri, Map<String, String> headers, byte[] body) {}

    static Request build(Subscription subscription, Notice notice, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put(NOTICE_ID_HEADER, notice.id());
        headers.put(NOTICE_TYPE_HEADER, notice.type().name());
        switch (subscription.kind()) {
            case WECOM: {
                ObjectNode body = EventJson.mapper().createObjectNode().put("msgtype", "markdown");
                body.putObject("markdown").put("content", markdown(notice));
                return new Request(URI.create(subscription.url()), headers, bytes(body));
            }
            case DINGTALK: {
                ObjectNode body = EventJson.mapper().createObjectNode().put("msgtype", "markdown");
                body.putObject("markdown").put("title", notice.title()).put("text", markdown(notice));
                return new Request(dingTalkUri(subscription, now), headers, bytes(body));
            }
            default: {
                byte[] body = NoticeJson.toBytes(notice);
                if (subscription.secret() != null) {
                    headers.put(
                            SIGNATURE_HEADER, "sha256=" + HexFormat.of().formatHex(hmac(subscription.secret(), body)));
                }
                return new Request(URI.create(subscription.url()), headers, body);
            }
        }
    }

    /** The robots' markdown: headline, text, and what the notice is about. */
    static String markdown(Notice notice) {
        StringBuilder text = new StringBuilder()
                .append("### ")
                .append(plain(notice.title()))
                .append("\n\n")
                .append(plain(notice.text()))
                .append("\n\n> ");
        if (notice.period() != null) {
            text.append("周期 ").append(notice.period()).append(" · ");
        }
        if (notice.caseId() != null) {
            text.append("案件 ").append(notice.caseId()).append(" · ");
        }
        return text.append("编号 ").append(notice.id()).toString();
    }

    /** The case and unit texts are data: markdown markup in them is shown, not interpreted. */
    private static String plain(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }

    /** 钉钉加签: timestamp and sign = Base64(HmacSHA256(secret, timestamp + "\n" + secret)), URL-encoded. */
    static URI dingTalkUri(Subscription subscription, Instant now) {
        if (subscription.secret() == null) {
            return URI.create(subscription.url());
        }
        long timestamp = now.toEpochMilli();
        String toSign = timestamp + "\n" + subscription.secret();
        String sign = Base64.getEncoder()
                .encodeToString(hmac(subscription.secret(), toSign.getBytes(StandardCharsets.UTF_8)));
        String separator = subscription.url().contains("?") ? "&" : "?";
        return URI.create(subscription.url() + separator + "timestamp=" + timestamp + "&sign="
                + URLEncoder.encode(sign, StandardCharsets.UTF_8));
    }

    static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] bytes(ObjectNode body) {
        return EventJson.mapper().writeValueAsBytes(body);
    }

    private WebhookRequests() {}
}
