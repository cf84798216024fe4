package io.minxin.console.unit;

import io.minxin.console.web.Formats;
import java.math.BigDecimal;

/**
 * How a rate moved since the previous month, in percentage points: {@code ▲ 1.67 个百分点}, {@code ▼ 0.50 个百分点},
 * {@code 持平}, or {@code —} when either month has no value (no denominator, no data). The difference is taken between
 * the two rates as the page prints them (96.67% − 95.00% = 1.67), so a reader can check it. Plain Java.
 */
public record RateChange(Double current, Double previous) {

    /** The difference in percentage points, two decimals; null when either month has no value. */
    public BigDecimal points() {
        Double now = Formats.percentOrNull(current);
        Double before = Formats.percentOrNull(previous);
        if (now == null || before == null) {
            return null;
        }
        return BigDecimal.valueOf(now).subtract(BigDecimal.valueOf(before)).setScale(2);
    }

    /** {@code up}, {@code down}, {@code same} or {@code none}: for the page's colour. */
    public String direction() {
        BigDecimal points = points();
        if (points == null) {
            return "none";
        }
        return switch (points.signum()) {
            case 1 -> "up";
            case -1 -> "down";
            default -> "same";
        };
    }

    /** What the page shows: {@code ▲ 1.67 个百分点}. */
    public String text() {
        BigDecimal points = points();
        return switch (direction()) {
            case "up" -> "▲ " + points.toPlainString() + " 个百分点";
            case "down" -> "▼ " + points.negate().toPlainString() + " 个百分点";
            case "same" -> "持平";
            default -> Formats.NONE;
        };
    }

    /** What a screen reader says instead of the arrow. */
    public String label() {
        BigDecimal points = points();
        return switch (direction()) {
            case "up" -> "较上月上升 " + points.toPlainString() + " 个百分点";
            case "down" -> "较上月下降 " + points.negate().toPlainString() + " 个百分点";
            case "same" -> "与上月持平";
            default -> "本月或上月没有数据，无法比较";
        };
    }
}
