package io.minxin.metrics.unitrates;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.demo.DemoMonth;
import io.minxin.demo.ExpectedTotals;
import io.minxin.events.CaseData;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Returned;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.casestate.WorkingDayDeadlines;
import io.minxin.metrics.query.Overview;
import io.minxin.metrics.testing.BulletinFigures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The fold and the counting rules, without Kafka, against the demo generator's independently stated totals. */
class DemoMonthTotalsTest {
    private static final DemoMonth DEMO = DemoMonth.generate();
    private final CaseFolder folder = new CaseFolder(
            AssessmentPeriod.calendarMonth(),
            new WorkingDayDeadlines(WorkingCalendar.china(), DemoMonth.DEFAULT_WORKING_DAYS));

    @Test
    void messyDeliveryOfTheDemoMonthCountsWhatTheGeneratorPlanned() {
        Map<String, UnitMetrics> metrics = count(DEMO.messyEvents(42));
        ExpectedTotals expected = DEMO.expected();

        Map<String, Counts> actualByUnit = new TreeMap<>();
        metrics.values().stream()
                .filter(m -> m.counts().involved())
                .forEach(m -> actualByUnit.put(m.unitId() + "|" + m.channel(), BulletinFigures.of(m.counts())));
        Map<String, Counts> expectedByUnit = new TreeMap<>();
        expected.byUnit().forEach((key, counts) -> expectedByUnit.put(key.toString(), counts));
        assertThat(actualByUnit).isEqualTo(expectedByUnit);

        Overview overview = Overview.of(DEMO.month().toString(), metrics.values());
        assertThat(BulletinFigures.of(overview.total().counts()))
                .isEqualTo(expected.total().counts());
        assertThat(overview.total().units()).isEqualTo(expected.total().units());
        for (Channel channel : Channel.values()) {
            assertThat(BulletinFigures.of(overview.channels().get(channel).counts()))
                    .isEqualTo(expected.overview(channel).counts());
            assertThat(overview.channels().get(channel).units())
                    .isEqualTo(expected.overview(channel).units());
        }
    }

    @Test
    void givenTheDemoMonthWhenCountedThenEachUnitHandledWhatItOwnedOrReturnedAndNothingWasReopened() {
        Map<String, UnitMetrics> metrics = count(DEMO.messyEvents(7));
        Map<String, Set<String>> casesReturned = new TreeMap<>();
        for (CaseEvent event : DEMO.caseEvents()) {
            if (event.data() instanceof Returned r) {
                casesReturned.computeIfAbsent(r.unitId(), u -> new TreeSet<>()).add(r.caseId());
            }
        }
        long handled = 0;
        long returnedCases = 0;
        for (UnitMetrics m : metrics.values()) {
            assertThat(m.counts().reopened()).isZero();
            assertThat(m.counts().handled()).isGreaterThanOrEqualTo(m.counts().received());
            handled += m.counts().handled();
            returnedCases += m.counts().returnedCases();
        }
        long expectedReturnedCases =
                casesReturned.values().stream().mapToLong(Set::size).sum();
        assertThat(returnedCases).isEqualTo(expectedReturnedCases);
        Overview overview = Overview.of(DEMO.month().toString(), metrics.values());
        assertThat(overview.total().counts().handled()).isEqualTo(handled);
        assertThat(overview.total().rates().returnRate()).isEqualTo((double) expectedReturnedCases / handled);
    }

    @Test
    void givenTheDemoMonthsDispatchesAndSignInsDeliveredMessilyThenEachUnitsSignInCountsAreWhatTheGeneratorPlanned() {
        Map<String, UnitMetrics> metrics = count(DEMO.messyEvents(11));

        Map<String, ExpectedTotals.SignIns> actual = new TreeMap<>();
        metrics.values().stream()
                .filter(m -> m.counts().dispatched() > 0)
                .forEach(m -> actual.put(
                        m.unitId() + "|" + m.channel(),
                        new ExpectedTotals.SignIns(
                                m.counts().dispatched(), m.counts().signedOnTime())));
        Map<String, ExpectedTotals.SignIns> planned = new TreeMap<>();
        DEMO.expected().signIns().forEach((key, signIns) -> planned.put(key.toString(), signIns));

        assertThat(actual).isEqualTo(planned);
        Overview overview = Overview.of(DEMO.month().toString(), metrics.values());
        assertThat(overview.total().counts().dispatched())
                .as("every case is dispatched to its owner")
                .isGreaterThanOrEqualTo(overview.total().counts().received());
        assertThat(overview.total().rates().signInRate()).isBetween(0.8, 0.95);
    }

    private Map<String, UnitMetrics> count(List<CaseEvent> events) {
        Map<String, List<CaseEvent>> byCase = new LinkedHashMap<>();
        for (CaseEvent event : events) {
            if (event.data() instanceof CaseData) {
                byCase.computeIfAbsent(((CaseData) event.data()).caseId(), id -> new ArrayList<>())
                        .add(event);
            }
        }
        Map<String, Counts> sums = new TreeMap<>();
        byCase.forEach((caseId, caseEvents) -> Contribution.of(folder.fold(caseId, caseEvents))
                .shares()
                .forEach((key, share) -> {
                    if (!Bucket.parse(key).daily()) {
                        sums.merge(key, share.counts(), Counts::plus);
                    }
                }));
        Map<String, UnitMetrics> metrics = new TreeMap<>();
        sums.forEach((key, counts) -> {
            UnitMetrics.Key k = UnitMetrics.parseKey(key);
            metrics.put(key, new UnitMetrics(k.unitId(), null, k.channel(), k.period(), counts, 1));
        });
        return metrics;
    }
}
