package io.minxin.console.audit;

import io.minxin.events.audit.AuditAction;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit trail's words in Chinese: each action, and each kind of target ({@code period:2020-09} →
 * {@code 考评月 2020-09}). An action or kind this console does not know yet is shown as it is.
 */
final class AuditTerms {
    private static final Map<AuditAction, String> ACTIONS = new EnumMap<>(Map.ofEntries(
            Map.entry(AuditAction.PERIOD_CLOSE, "关闭考评月"),
            Map.entry(AuditAction.REVISION_PUBLISH, "发布排名修订"),
            Map.entry(AuditAction.POLICY_CHANGE, "修改排名规则"),
            Map.entry(AuditAction.KEY_ISSUE, "签发 API 密钥"),
            Map.entry(AuditAction.KEY_REVOKE, "吊销 API 密钥"),
            Map.entry(AuditAction.ACCOUNT_OPEN, "开通账户"),
            Map.entry(AuditAction.ACCOUNT_SIGN_IN, "登录控制台"),
            Map.entry(AuditAction.SUBSCRIPTION_CREATE, "新增通知订阅"),
            Map.entry(AuditAction.SUBSCRIPTION_DELETE, "删除通知订阅"),
            Map.entry(AuditAction.BULLETIN_ISSUE, "印发月度通报"),
            Map.entry(AuditAction.PUSHBACK_RULING, "复核较差件"),
            Map.entry(AuditAction.DISPUTE_FILE, "提出申诉"),
            Map.entry(AuditAction.DISPUTE_DECIDE, "处理申诉"),
            Map.entry(AuditAction.EXCLUSION, "剔除诉求"),
            Map.entry(AuditAction.BULLETIN_EDIT, "编辑通报"),
            Map.entry(AuditAction.BULLETIN_CORRECT, "更正通报"),
            Map.entry(AuditAction.LETTER_ACKNOWLEDGE, "确认收到提示函"),
            Map.entry(AuditAction.RANKINGS_RECOMPUTE, "按现行规则重算排名")));

    private static final Map<String, String> TARGET_KINDS = Map.ofEntries(
            Map.entry("period", "考评月"),
            Map.entry("revision", "排名修订"),
            Map.entry("recomputation", "排名重算"),
            Map.entry("policy", "排名规则"),
            Map.entry("key", "API 密钥"),
            Map.entry("account", "账户"),
            Map.entry("subscription", "通知订阅"),
            Map.entry("bulletin", "月度通报"),
            Map.entry("case", "诉求"),
            Map.entry("dispute", "申诉"),
            Map.entry("letter", "提示函"));

    /** Every action by wire name, in declaration order, for the filter. */
    public Map<String, String> actions() {
        Map<String, String> actions = new LinkedHashMap<>();
        for (AuditAction action : AuditAction.values()) {
            actions.put(action.wireName(), action(action.wireName()));
        }
        return Collections.unmodifiableMap(actions);
    }

    /** {@code policy.change} → {@code 修改排名规则}. */
    public String action(String wireName) {
        return AuditAction.fromWireName(wireName)
                .map(action -> ACTIONS.getOrDefault(action, wireName))
                .orElse(wireName);
    }

    /** {@code period:2020-09} → {@code 考评月 2020-09}. */
    public String target(String target) {
        if (target == null) {
            return "—";
        }
        int colon = target.indexOf(':');
        String kind = colon < 0 ? null : TARGET_KINDS.get(target.substring(0, colon));
        return kind == null ? target : kind + " " + target.substring(colon + 1);
    }
}
