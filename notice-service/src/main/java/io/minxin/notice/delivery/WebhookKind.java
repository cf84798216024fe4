package io.minxin.notice.delivery;

/** What a subscription's URL expects. */
public enum WebhookKind {
    /** Any HTTP endpoint: the notice JSON, signed with the subscription's secret (X-Minxin-Signature). */
    GENERIC,
    /** 企业微信 group robot: a markdown message. */
    WECOM,
    /** 钉钉 group robot: a markdown message; with a secret, the URL is signed (加签). */
    DINGTALK
}
