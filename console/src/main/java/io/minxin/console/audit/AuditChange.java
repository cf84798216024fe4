package io.minxin.console.audit;

import io.minxin.console.web.Formats;
import io.minxin.events.EventJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an audit entry changed, as the console shows it in Chinese: each recorded field by its Chinese name, with
 * roles, scopes, rates, verdicts and times in the console's words ({@code role: operator} → 角色 营商局操作员). The
 * services write the entry for the API, field names and summary in English; the structured fields, not the English
 * sentence, are what a Chinese page can say exactly. A nested record (a policy's rules before and after, a ranking's
 * moves) stays JSON, shown folded; a field this console does not know yet is shown under its own name.
 *
 * @param fields the fields with a plain value (text, number, yes/no, a list of them), in the entry's order
 * @param nested the fields holding records, each as indented JSON
 */
record AuditChange(List<Field> fields, List<Field> nested) {
    /** One field: its Chinese name and its value as shown. */
    record Field(String name, String value) {}

    private static final Formats FMT = new Formats();
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*Z");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("name", "名称"),
            Map.entry("roles", "角色"),
            Map.entry("role", "角色"),
            Map.entry("scope", "查看范围"),
            Map.entry("method", "登录方式"),
            Map.entry("revokedAt", "吊销时间"),
            Map.entry("createdAt", "创建时间"),
            Map.entry("id", "编号"),
            Map.entry("decisionId", "决定编号"),
            Map.entry("decision", "决定编号"),
            Map.entry("caseId", "诉求编号"),
            Map.entry("period", "考评月"),
            Map.entry("indicators", "指标"),
            Map.entry("excluded", "剔除"),
            Map.entry("reason", "理由"),
            Map.entry("decidedBy", "决定人"),
            Map.entry("decidedAt", "决定时间"),
            Map.entry("verdict", "复核结论"),
            Map.entry("previousStatus", "原状态"),
            Map.entry("status", "状态"),
            Map.entry("candidateUnitId", "候选单位"),
            Map.entry("responsibleUnitId", "责任单位"),
            Map.entry("ruling", "认定意见"),
            Map.entry("disputeId", "申诉编号"),
            Map.entry("unitId", "单位"),
            Map.entry("subject", "申诉事项"),
            Map.entry("accepted", "支持申诉"),
            Map.entry("revision", "修订号"),
            Map.entry("previousRevision", "所修订的版本"),
            Map.entry("documentNumber", "文号"),
            Map.entry("sequence", "期号"),
            Map.entry("issueDate", "印发日期"),
            Map.entry("issuedAt", "印发时间"),
            Map.entry("issuedBy", "印发人"),
            Map.entry("changes", "更正内容"),
            Map.entry("fields", "编辑的栏目"),
            Map.entry("edit", "编辑内容"),
            Map.entry("requested", "请求"),
            Map.entry("phoneTop", "话务端五佳"),
            Map.entry("webTop", "网络端五佳"),
            Map.entry("poorCases", "较差件"),
            Map.entry("kind", "类型"),
            Map.entry("url", "地址"),
            Map.entry("types", "通知类型"),
            Map.entry("signed", "签名"),
            Map.entry("alreadyClosed", "此前已关闭"),
            Map.entry("closedAt", "关闭时间"),
            Map.entry("closedBy", "关闭方式"),
            Map.entry("revisions", "排名修订"),
            Map.entry("channel", "渠道"),
            Map.entry("publishedAt", "发布时间"),
            Map.entry("policy", "排名规则"),
            Map.entry("moves", "名次变化"),
            Map.entry("policyId", "排名规则"),
            Map.entry("previousVersion", "原版本"),
            Map.entry("version", "版本"),
            Map.entry("effectiveFrom", "生效月份"),
            Map.entry("changed", "修改的项目"),
            Map.entry("before", "修改前"),
            Map.entry("after", "修改后"),
            Map.entry("reply", "回复"));

    /** A policy's rules by name, as {@code changed} lists them. */
    private static final Map<String, String> POLICY_RULES = Map.ofEntries(
            Map.entry("description", "说明"),
            Map.entry("effectiveFrom", "生效月份"),
            Map.entry("minReceived", "参评最低件数"),
            Map.entry("order", "排序方式"),
            Map.entry("weights", "权重"),
            Map.entry("rates", "依次比较的比率"),
            Map.entry("tieBreaks", "并列时的比较"),
            Map.entry("top", "表彰名额"),
            Map.entry("rateEstimator", "比率取值"),
            Map.entry("nullRates", "比率无法计算时"),
            Map.entry("scoreView", "总分"));

    /** Values in the console's words, by field; any other value is shown as recorded. */
    private static final Map<String, Function<String, String>> WORDS = Map.ofEntries(
            Map.<String, Function<String, String>>entry("role", FMT::roleName),
            Map.entry("roles", FMT::roleName),
            Map.entry("scope", FMT::scope),
            Map.entry("indicators", FMT::rateName),
            Map.entry("verdict", FMT::verdict),
            Map.entry("subject", FMT::disputeSubject),
            Map.entry("types", FMT::noticeType),
            Map.entry("channel", FMT::channel),
            Map.entry("closedBy", AuditChange::closedBy),
            Map.entry("method", AuditChange::method),
            Map.entry("changed", rule -> POLICY_RULES.getOrDefault(rule, rule)));

    static AuditChange of(ObjectNode change) {
        List<Field> fields = new ArrayList<>();
        List<Field> nested = new ArrayList<>();
        if (change == null) {
            return new AuditChange(fields, nested);
        }
        for (Map.Entry<String, JsonNode> entry : change.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            String name = NAMES.getOrDefault(key, key);
            if (value == null || value.isNull() || value.isMissingNode()) {
                continue;
            }
            if (value.isObject() || (value.isArray() && hasRecords(value))) {
                nested.add(new Field(
                        name,
                        EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value)));
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(scalar(key, item)));
                fields.add(new Field(name, items.isEmpty() ? Formats.NONE : String.join("、", items)));
            } else {
                fields.add(new Field(name, scalar(key, value)));
            }
        }
        return new AuditChange(List.copyOf(fields), List.copyOf(nested));
    }

    public boolean isEmpty() {
        return fields.isEmpty() && nested.isEmpty();
    }

    private static boolean hasRecords(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainer()) {
                return true;
            }
        }
        return false;
    }

    private static String scalar(String key, JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "是" : "否";
        }
        String text = value.asString();
        Function<String, String> words = WORDS.get(key);
        if (words != null) {
            return words.apply(text);
        }
        if (INSTANT.matcher(text).matches()) {
            try {
                return FMT.dateTime(Instant.parse(text));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return FMT.text(text);
    }

    private static String closedBy(String by) {
        return switch (by) {
            case "operator" -> "操作员关闭";
            case "auto" -> "到期自动关闭";
            default -> by;
        };
    }

    private static String method(String method) {
        if ("password".equals(method)) {
            return "密码";
        }
        return method.startsWith("oidc:") ? "统一身份认证（" + method.substring("oidc:".length()) + "）" : method;
    }
}
