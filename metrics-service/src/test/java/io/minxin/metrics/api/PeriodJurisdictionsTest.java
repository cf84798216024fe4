package io.minxin.metrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.Channel;
import io.minxin.events.UnitRegistered;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Jurisdiction;
import io.minxin.events.state.UnitMetrics;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.registry.UnitRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PeriodJurisdictionsTest {
    private static final YearMonth MAY = YearMonth.of(2020, 5);
    private static final YearMonth JUNE = YearMonth.of(2020, 6);
    private static final Instant JAN = Instant.parse("2020-01-01T00:00:00Z");
    /** 2020-06-01 00:00 in Asia/Shanghai: the first instant of June. */
    private static final Instant JUNE_FIRST = Instant.parse("2020-05-31T16:00:00Z");

    private final UnitRegistry registry =
            new UnitRegistry(Clock.fixed(Instant.parse("2020-07-15T00:00:00Z"), ZoneOffset.UTC));

    private static UnitMetrics metrics(String unitId) {
        return new UnitMetrics(unitId, unitId, Channel.WEB, "2020-05", new Counts(1, 0, 0, 0, 0, 0, 0, 0), 1);
    }

    @Test
    void givenAMoveAtTheFirstInstantOfJuneWhenMayAndJuneAreDividedThenMayKeepsTheOldJurisdiction() {
        registry.register(new UnitRegistered("u", "U", "211103", "兴隆台区", JAN));
        registry.register(new UnitRegistered("u", "U", "211102", "双台子区", JUNE_FIRST));
        PeriodJurisdictions divided = new PeriodJurisdictions(registry, AssessmentPeriod.calendarMonth());

        assertThat(divided.at(MAY).apply("u")).isEqualTo("211103");
        assertThat(divided.at(JUNE).apply("u")).isEqualTo("211102");
        assertThat(divided.members("211103", MAY, List.of(metrics("u")))).hasSize(1);
        assertThat(divided.members("211103", JUNE, List.of(metrics("u")))).isEmpty();
    }

    @Test
    void givenCutOffPeriodsWhenAUnitMovesOnThe26thThenItCountsInTheNewJurisdictionForTheNextPeriod() {
        // cut-off 25: period 2020-06 ends 2020-06-25 24:00 local, period 2020-07 begins on the 26th
        registry.register(new UnitRegistered("u", "U", "211103", "兴隆台区", JAN));
        registry.register(new UnitRegistered("u", "U", "211102", "双台子区", Instant.parse("2020-06-25T17:00:00Z")));
        PeriodJurisdictions divided = new PeriodJurisdictions(registry, AssessmentPeriod.cutOffOn(25));

        assertThat(divided.endOf(JUNE)).isEqualTo(Instant.parse("2020-06-25T15:59:59.999999999Z"));
        assertThat(divided.at(JUNE).apply("u")).isEqualTo("211103");
        assertThat(divided.at(YearMonth.of(2020, 7)).apply("u")).isEqualTo("211102");
    }

    @Test
    void givenNoJurisdictionAskedWhenMetricsAreDividedThenEveryUnitCountsRegisteredOrNot() {
        registry.register(new UnitRegistered("u", "U", "211103", "兴隆台区", JAN));
        PeriodJurisdictions divided = new PeriodJurisdictions(registry, AssessmentPeriod.calendarMonth());
        List<UnitMetrics> metrics = List.of(metrics("u"), metrics("never-registered"));

        assertThat(divided.check(null)).isNull();
        assertThat(divided.check(" ")).isNull();
        assertThat(divided.members(null, MAY, metrics)).isEqualTo(metrics);
        assertThat(divided.members("211103", MAY, metrics))
                .extracting(UnitMetrics::unitId)
                .containsExactly("u");
        assertThat(divided.at(MAY).apply("never-registered")).isNull();
    }

    @Test
    void givenAJurisdictionAllOfWhoseUnitsMovedAwayWhenItIsAskedThenItIsKnownWithNoUnits() {
        registry.register(new UnitRegistered("u", "U", "211103", "兴隆台区", JAN));
        registry.register(new UnitRegistered("u", "U", "211102", "双台子区", JUNE_FIRST));
        PeriodJurisdictions divided = new PeriodJurisdictions(registry, AssessmentPeriod.calendarMonth());

        assertThat(divided.check("211103")).isEqualTo("211103");
        assertThat(divided.members("211103", JUNE, List.of(metrics("u")))).isEmpty();
        assertThatThrownBy(() -> divided.check("211199")).isInstanceOfSatisfying(ProblemException.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refusal.getMessage()).contains("211199");
        });
    }

    @Test
    void givenUnitsOfTwoJurisdictionsWhenListedForACallerCoveringSomeThenOnlyTheirJurisdictionsAndCounts() {
        registry.register(new UnitRegistered("a", "A", "211103", "兴隆台区", JAN));
        registry.register(new UnitRegistered("b", "B", "211103", "兴隆台区", JAN));
        registry.register(new UnitRegistered("c", "C", "211102", null, JAN));
        PeriodJurisdictions divided = new PeriodJurisdictions(registry, AssessmentPeriod.calendarMonth());
        Instant now = Instant.parse("2020-07-15T00:00:00Z");

        assertThat(divided.listed(now, unitId -> true))
                .containsExactly(new Jurisdiction("211102", "211102", 1), new Jurisdiction("211103", "兴隆台区", 2));
        assertThat(divided.listed(now, "a"::equals)).containsExactly(new Jurisdiction("211103", "兴隆台区", 1));
        assertThat(new PeriodJurisdictions(new UnitRegistry(Clock.systemUTC()), AssessmentPeriod.calendarMonth())
                        .listed(now, unitId -> true))
                .isEmpty();
    }
}
