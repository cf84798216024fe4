package io.minxin.ranking.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonScoreTest {

    @Test
    void lowerBoundMatchesTheWilsonFormula() {
        assertThat(WilsonScore.lowerBound(1.0, 1, WilsonScore.Z_95)).isCloseTo(0.206543, within(1e-6));
        assertThat(WilsonScore.lowerBound(58 / 60.0, 60, WilsonScore.Z_95)).isCloseTo(0.886360, within(1e-6));
        assertThat(WilsonScore.lowerBound(0.5, 100, WilsonScore.Z_95)).isCloseTo(0.403830, within(1e-6));
    }

    @Test
    void noCaseGivesNoBound() {
        assertThat(WilsonScore.lowerBound(null, 0, WilsonScore.Z_95)).isNull();
        assertThat(WilsonScore.lowerBound(1.0, 0, WilsonScore.Z_95)).isNull();
    }

    @Test
    void boundRisesWithTheSampleAtTheSameRate() {
        assertThat(WilsonScore.lowerBound(1.0, 10, WilsonScore.Z_95))
                .isLessThan(WilsonScore.lowerBound(1.0, 100, WilsonScore.Z_95));
    }
}
