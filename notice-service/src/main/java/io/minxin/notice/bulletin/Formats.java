package io.minxin.notice.bulletin;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formats of the reference bulletin. */
final class Formats {

    private Formats() {}

    /** Table 1 style: at most two decimals, trailing zeros dropped (100%, 98%, 96.67%). */
    static String percentTrimmed(Double rate, String missing) {
        return rate == null ? missing : percent(rate).stripTrailingZeros().toPlainString() + "%";
    }

    /** Overview and table 2 style: always two decimals (100.00%, 91.67%). */
    static String percentFixed(Double rate, String missing) {
        return rate == null ? missing : percent(rate).toPlainString() + "%";
    }

    /** Scores: at most two decimals, trailing zeros dropped (0.02, 0, 10.3). */
    static String score(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static BigDecimal percent(double rate) {
        // valueOf goes through the shortest decimal form of the double, so 0.9574 is 95.74, not 95.739999…
        return BigDecimal.valueOf(rate).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }
}
