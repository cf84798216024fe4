package io.minxin.console.web;

import io.minxin.events.decision.Indicator;
import io.minxin.events.notice.NoticeType;
import io.minxin.events.ranking.Ineligibility;
import io.minxin.events.ranking.NotEligibleUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Numbers and dates as the console prints them, in Chinese conventions: months as {@code 2020年9月}, rates as
 * percentages with two decimals ({@code 96.67%}), times in China's zone, and {@code —} for whatever is missing (a
 * rate without a denominator is no 0%). Plain Java; the templates reach it as {@code fmt}.
 */
public final class Formats {
    public static final String NONE = "—";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Why a rate can be undefined: its denominator is zero. */
    private static final Map<String, String> UNDEFINED_WHY = Map.ofEntries(
            Map.entry("completionRate", "本月没有受理件"),
            Map.entry("onTimeRate", "本月没有办结件"),
            Map.entry("satisfactionRate", "本月没有回访答复"),
            Map.entry("excellentRate", "本月没有回访答复"),
            Map.entry("returnRate", "本月没有经手件"),
            Map.entry("reopenRate", "本月没有办结件"),
            Map.entry("signInRate", "本月没有派单"),
            Map.entry("validVisitRate", "本月没有回访"),
            Map.entry("dispatchRate", "本月没有二级分转"),
            Map.entry("supervisionRate", "本月没有经手件"),
            Map.entry("feedbackRate", "本月没有受理件"));

    private static final Map<String, String> RATE_NAMES = Map.ofEntries(
            Map.entry("completionRate", "办结率"),
            Map.entry("onTimeRate", "按时办结率"),
            Map.entry("satisfactionRate", "满意率"),
            Map.entry("excellentRate", "优秀率"),
            Map.entry("returnRate", "回退率"),
            Map.entry("reopenRate", "重办率"),
            Map.entry("signInRate", "及时签收率"),
            Map.entry("validVisitRate", "有效回访率"),
            Map.entry("dispatchRate", "按时分转率"),
            Map.entry("supervisionRate", "督办率"),
            Map.entry("feedbackRate", "反馈率"),
            Map.entry("returns", "退件"));

    private static final Map<String, String> FACT_NAMES = Map.ofEntries(
            Map.entry("RECEIVED", "受理量"),
            Map.entry("CONCLUDED", "办结件"),
            Map.entry("CONCLUDED_ON_TIME", "按时办结件"),
            Map.entry("LATE_CONCLUSION", "超时办结件"),
            Map.entry("UNCONCLUDED", "未办结件"),
            Map.entry("VISITED", "回访件"),
            Map.entry("SATISFIED", "满意件"),
            Map.entry("EXCELLENT", "优秀件"),
            Map.entry("RETURN", "退件"),
            Map.entry("PUSHBACK", "推诿（较差件）"),
            Map.entry("LATE_SIGN_IN", "未按时签收件"),
            Map.entry("REOPENED", "重办件"));

    private static final Map<String, String> VERDICTS = Map.of(
            "PENDING", "待复核",
            "CONFIRMED", "确认为较差件",
            "DISMISSED", "不予认定",
            "REASSIGNED", "改派其他单位");

    private static final Map<String, String> NOTICE_TYPES = Map.of(
            "PUSHBACK_ALERT", "推诿预警",
            "PUSHBACK_CONFIRMED", "较差件（推诿）",
            "TARGET_MISSED", "未达目标",
            "TARGET_FORECAST", "目标预警",
            "DUTY_LETTER", "提示函",
            "BULLETIN_ISSUED", "月度通报");

    private static final Map<String, String> DISPUTE_SUBJECTS = Map.of(
            "PUSHBACK", "较差件",
            "RETURN", "退件认定",
            "UNSATISFIED_VISIT", "回访不满意",
            "NOT_EXCELLENT_VISIT", "回访非优秀",
            "LATE_CONCLUSION", "超时办结");

    private static final Map<String, String> DISPUTE_STATUSES = Map.of(
            "OPEN", "待处理",
            "ACCEPTED", "已支持",
            "REJECTED", "已驳回");

    private static final Map<String, String> ROLES = Map.of(
            "integration", "对接系统",
            "dashboard", "看板（只读）",
            "operator", "营商局操作员");

    /**
     * The notice types a webhook may receive, in the order the subscription form offers them: the contract's, so that a
     * type notice-service adds is offered too.
     */
    public static final List<String> NOTICE_TYPE_ORDER =
            Arrays.stream(NoticeType.values()).map(Enum::name).toList();

    /** What a unit may dispute, in the order the filing form offers them. */
    public static final List<String> DISPUTE_SUBJECT_ORDER =
            List.of("PUSHBACK", "RETURN", "UNSATISFIED_VISIT", "NOT_EXCELLENT_VISIT", "LATE_CONCLUSION");

    /** {@code 2020-09} → {@code 2020年9月}; anything else as it is. */
    public String month(String period) {
        if (period == null || period.isBlank()) {
            return NONE;
        }
        try {
            return month(YearMonth.parse(period));
        } catch (DateTimeParseException notAPeriod) {
            return period;
        }
    }

    public String month(YearMonth period) {
        return period == null ? NONE : period.getYear() + "年" + period.getMonthValue() + "月";
    }

    /** A fraction as a percentage with two decimals, rounded half up: {@code 0.96666} → {@code 96.67%}. */
    public String rate(Double fraction) {
        if (fraction == null || fraction.isNaN() || fraction.isInfinite()) {
            return NONE;
        }
        return percent(fraction).toPlainString() + "%";
    }

    /** A fraction as a percentage number for a chart ({@code 96.67}); null stays null (a gap, not a 0). */
    public static Double percentOrNull(Double fraction) {
        return fraction == null || fraction.isNaN() || fraction.isInfinite()
                ? null
                : percent(fraction).doubleValue();
    }

    private static BigDecimal percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }

    /** A score or points with two decimals: {@code 12.5} → {@code 12.50}. */
    public String points(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return NONE;
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A policy's ordering score (Σ weight · rate) with four decimals: {@code 0.91234} → {@code 0.9123}. */
    public String score(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return NONE;
        }
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** A count; null is {@code —}. */
    public String count(Number value) {
        return value == null ? NONE : value.toString();
    }

    /** {@code 2020年10月8日 14:05} in China's time. */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        ZonedDateTime local = instant.atZone(ZONE);
        return String.format(
                "%d年%d月%d日 %02d:%02d",
                local.getYear(), local.getMonthValue(), local.getDayOfMonth(), local.getHour(), local.getMinute());
    }

    /** {@code 2020年10月8日}. */
    public String date(LocalDate day) {
        return day == null ? NONE : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** What a dispute is about ({@code LATE_CONCLUSION} → {@code 超时办结}); an unknown one as it is. */
    public String disputeSubject(String subject) {
        return subject == null ? NONE : DISPUTE_SUBJECTS.getOrDefault(subject, subject);
    }

    /** Where a dispute stands ({@code ACCEPTED} → {@code 已支持}). */
    public String disputeStatus(String status) {
        return status == null ? NONE : DISPUTE_STATUSES.getOrDefault(status, status);
    }

    /** The subjects a filing form offers, in order. */
    public List<String> disputeSubjects() {
        return DISPUTE_SUBJECT_ORDER;
    }

    /** The Chinese name of a rate ({@code satisfactionRate} → {@code 满意率}); an unknown name as it is. */
    public String rateName(String rate) {
        return rate == null ? NONE : RATE_NAMES.getOrDefault(rate, rate);
    }

    /**
     * Why a unit is left out of a ranking, in Chinese, from its grounds ({@code 受理 2 件，少于参评最低件数 5 件};
     * {@code 满意率无法计算（本月没有回访答复）}, several joined by {@code ；}); a revision stored before grounds were
     * recorded has only the API's English reason, shown as it is.
     */
    public String notEligibleReason(NotEligibleUnit unit) {
        if (unit == null) {
            return NONE;
        }
        if (unit.grounds().isEmpty()) {
            return text(unit.reason());
        }
        return String.join("；", unit.grounds().stream().map(this::ground).toList());
    }

    private String ground(Ineligibility ground) {
        return switch (ground.kind()) {
            case TOO_FEW_RECEIVED -> "受理 " + ground.count() + " 件，少于参评最低件数 " + ground.minimum() + " 件";
            case TOO_FEW_CASES ->
                rateName(ground.rate()) + "仅依据 " + ground.count() + " 件，少于该指标的最低件数 " + ground.minimum() + " 件";
            case UNDEFINED_RATE ->
                rateName(ground.rate()) + "无法计算（" + UNDEFINED_WHY.getOrDefault(ground.rate(), "本月没有可计算的件") + "）";
        };
    }

    /** A counted fact of a 加分 or 减分 item ({@code PUSHBACK} → {@code 推诿（较差件）}). */
    public String factName(String fact) {
        return fact == null ? NONE : FACT_NAMES.getOrDefault(fact, fact);
    }

    /** A review status or verdict ({@code DISMISSED} → {@code 不予认定}). */
    public String verdict(String verdict) {
        return verdict == null ? NONE : VERDICTS.getOrDefault(verdict, verdict);
    }

    /** How the bulletin's page names an issued revision: 0 → {@code 通报}, n → {@code 第 n 次更正}. */
    public String revision(int revision) {
        return revision == 0 ? "通报" : "第 " + revision + " 次更正";
    }

    /** A notice's type ({@code DUTY_LETTER} → {@code 提示函}); an unknown one as it is. */
    public String noticeType(String type) {
        return type == null ? NONE : NOTICE_TYPES.getOrDefault(type, type);
    }

    /** An exclusion's indicator, e.g. {@code SATISFACTION_RATE} → {@code 满意率}. */
    public String indicator(Object indicator) {
        if (indicator instanceof Indicator known) {
            return rateName(known.wireName());
        }
        return indicator == null ? NONE : indicator.toString();
    }

    /** Indicators by their Chinese names, joined with {@code 、}: {@code 办结率、满意率}. */
    public String indicators(List<?> indicators) {
        if (indicators == null || indicators.isEmpty()) {
            return NONE;
        }
        return String.join("、", indicators.stream().map(this::indicator).toList());
    }

    /** The notice types, in the order a form offers them. */
    public List<String> noticeTypes() {
        return NOTICE_TYPE_ORDER;
    }

    /** Notice types by their Chinese names, joined with {@code 、}. */
    public String noticeTypeNames(List<String> types) {
        return types == null || types.isEmpty()
                ? NONE
                : String.join("、", types.stream().map(this::noticeType).toList());
    }

    /** A key's or account's role by its wire name ({@code operator} → {@code 营商局操作员}). */
    public String roleName(String role) {
        return role == null ? NONE : ROLES.getOrDefault(role.toLowerCase(Locale.ROOT), role);
    }

    /** Roles by their Chinese names, joined with {@code 、}. */
    public String roleNames(List<String> roles) {
        return roles == null || roles.isEmpty()
                ? NONE
                : String.join("、", roles.stream().map(this::roleName).toList());
    }

    /** A scope's wire form ({@code all}, {@code unit:xlt-chengjian}) as people read it. */
    /** A scope as {@link #scope(String)}, a unit named by its name where {@code names} (id → name) has it. */
    public String scope(String scope, Map<String, String> names) {
        if (scope != null && scope.startsWith("unit:") && names != null) {
            String unitId = scope.substring("unit:".length());
            String name = names.get(unitId);
            if (name != null) {
                return "单位 " + name + "（" + unitId + "）";
            }
        }
        return scope(scope);
    }

    public String scope(String scope) {
        if (scope == null || scope.isBlank() || "all".equals(scope)) {
            return "全部单位";
        }
        if (scope.startsWith("unit:")) {
            return "单位 " + scope.substring("unit:".length());
        }
        return scope.startsWith("jurisdiction:") ? "辖区 " + scope.substring("jurisdiction:".length()) : scope;
    }

    /** A channel by its wire name ({@code PHONE} → {@code 话务端}); an unknown one as it is. */
    public String channel(String channel) {
        if (channel == null) {
            return NONE;
        }
        return switch (channel) {
            case "PHONE" -> "话务端";
            case "WEB" -> "网络端";
            default -> channel;
        };
    }

    /** Text, or {@code —} when blank. */
    public String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
