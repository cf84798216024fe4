package io.minxin.console.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Chinese names of a policy's choices, in the order the form offers them; the templates reach them as
 * {@code terms}.
 */
final class PolicyTerms {
    static final Map<String, String> ORDERS = ordered(
            "WEIGHTED", "加权计分（按权重合计得分）",
            "LEXICOGRAPHIC", "逐项比较（先比第一项，相同再比下一项）");
    static final Map<String, String> TIE_BREAKS = ordered(
            "RECEIVED", "受理量多者在前",
            "CONCLUDED", "办结量多者在前",
            "VISITED", "回访量多者在前",
            "FEWER_PUSHBACKS", "较差件少者在前",
            "FEWER_RETURNS", "退件少者在前");
    static final Map<String, String> ESTIMATORS = ordered(
            "RAW", "按实际比率",
            "WILSON_LOWER_BOUND", "按威尔逊下限（件数少的单位不因偶然满分领先）");
    static final Map<String, String> NULL_RATES = ordered(
            "RANK_LAST", "排在所有单位之后",
            "NOT_ELIGIBLE", "不参加排名");

    public Map<String, String> orders() {
        return ORDERS;
    }

    public Map<String, String> tieBreaks() {
        return TIE_BREAKS;
    }

    public Map<String, String> estimators() {
        return ESTIMATORS;
    }

    public Map<String, String> nullRates() {
        return NULL_RATES;
    }

    /** A choice's Chinese name, or the value as it is. */
    public String name(String value) {
        for (Map<String, String> names : List.of(ORDERS, TIE_BREAKS, ESTIMATORS, NULL_RATES)) {
            if (names.containsKey(value)) {
                return names.get(value);
            }
        }
        return value == null || value.isBlank() ? "—" : value;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            names.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(names);
    }
}
