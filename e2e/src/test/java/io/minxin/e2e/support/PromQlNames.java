package io.minxin.e2e.support;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Label matchers, ranges, grouping lists and string literals are
 * removed first; what remains is numbers, operators, function calls and metric names.
 */
public final class PromQlNames {
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*\\}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** label_values(metric, label): only the first argument is a metric. */
    private static final Pattern LABEL_VALUES =
            Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)[^)]*\\)");

    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>\\d+(\\.\\d+)?([eE][+-]?\\d+)?[a-z]*)|(?<var>\\$\\w+)|(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan",
            "Inf",
            "NaN",
            "atan2");
    /** Not a Minxin metric: Prometheus makes it for each target. */
    private static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    public static Set<String> of(String expression) {
        String rest = STRING.matcher(expression).replaceAll("\"\"");
        rest = LABEL_VALUES.matcher(rest).replaceAll("$1");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher token = TOKEN.matcher(rest);
        while (token.find()) {
            String name = token.group("name");
            if (name == null || token.group("call") != null) {
                continue;
            }
            if (!KEYWORDS.contains(name) && !SYNTHETIC.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private PromQlNames() {}
}
