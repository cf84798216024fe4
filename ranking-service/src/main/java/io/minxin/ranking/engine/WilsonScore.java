package io.minxin.ranking.engine;

/**
 * Lower bound of the Wilson score interval of a proportion: a rate measured on n cases, pulled towards 0 the more
 * the fewer the cases. 1 of 1 gives 0.2065; 58 of 60 gives 0.8866 (z = 1.96, 95%).
 */
public final class WilsonScore {
    /** Two-sided 95% confidence. */
    public static final double Z_95 = 1.96;

    /** The lower bound for rate {@code p} measured on {@code n} cases; null when there is no case. */
    public static Double lowerBound(Double p, long n, double z) {
        if (p == null || n <= 0) {
            return null;
        }
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.max(0.0, (centre - spread) / (1 + z2 / n));
    }

    private WilsonScore() {}
}
