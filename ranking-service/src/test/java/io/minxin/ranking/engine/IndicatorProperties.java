package io.minxin.ranking.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class IndicatorProperties {

    @Property(tries = 500)
    void bandsWhosePointsNeverFallScoreAHigherRateNoLower(
            @ForAll("bands") List<Indicator.Band> bands,
            @ForAll @DoubleRange(min = 0, max = 1) double lower,
            @ForAll @DoubleRange(min = 0, max = 1) double higher) {
        Indicator indicator = new Indicator(Rate.ON_TIME, 1, Indicator.Scoring.BANDS, null, null, bands, null);
        double low = Math.min(lower, higher);
        double high = Math.max(lower, higher);

        assertThat(indicator.score(high)).isGreaterThanOrEqualTo(indicator.score(low));
        assertThat(bands).extracting(Indicator.Band::points).contains(indicator.score(low));
    }

    @Property(tries = 500)
    void linearScoresStayWithinZeroAndOne(
            @ForAll @DoubleRange(min = 0, max = 1) double zeroAt,
            @ForAll @DoubleRange(min = 0, max = 1) double fullAt,
            @ForAll @DoubleRange(min = 0, max = 1) double rate) {
        net.jqwik.api.Assume.that(zeroAt != fullAt);
        Indicator indicator = new Indicator(Rate.ON_TIME, 1, Indicator.Scoring.LINEAR, zeroAt, fullAt, List.of(), null);

        assertThat(indicator.score(rate)).isBetween(0.0, 1.0);
    }

    /** Ascending thresholds from 0, points that never fall: what the reader accepts for a rate where more is better. */
    @Provide
    Arbitrary<List<Indicator.Band>> bands() {
        Arbitrary<Double> step = Arbitraries.doubles().between(0.01, 0.3);
        Arbitrary<Double> rise = Arbitraries.doubles().between(0, 10);
        return net.jqwik.api.Combinators.combine(
                        step.list().ofMaxSize(6), rise.list().ofSize(7))
                .as((steps, rises) -> {
                    List<Indicator.Band> bands = new ArrayList<>();
                    double from = 0;
                    double points = rises.get(0);
                    bands.add(new Indicator.Band(0, points));
                    for (int i = 0; i < steps.size() && from + steps.get(i) <= 1; i++) {
                        from += steps.get(i);
                        points += rises.get(i + 1);
                        bands.add(new Indicator.Band(from, points));
                    }
                    return bands;
                });
    }
}
