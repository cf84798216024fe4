package io.minxin.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.HandlingRole;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.UnitMetrics;
import io.minxin.metrics.stream.TopologyHarness.Folded;
import io.minxin.metrics.testing.CaseEvents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 按时分转率 ({@code dispatchRate} = cases a unit passed on within 1 working day of getting them / cases it passed on,
 * 二级分转) through the whole topology, on the working-day calendar, in order and late, repeated and shuffled. d is a
 * district office, s a street office under it, t a community; {@code city-12345} is the platform's seat.
 */
class DispatchRateTopologyTest {
    @TempDir
    Path inOrderDir;

    @TempDir
    Path messyDir;

    /**
     * <ul>
     *   <li>614601: d accepts it Monday 09-07 and passes it on to s on Tuesday (in time); s passes it on to t on Friday
     *       09-11 (late: s got it on Tuesday); d passes it to t again on 09-14, which does not count a second time.
     *   <li>614602: d accepts it Wednesday 09-30, the eve of the National Day holiday, and passes it on Friday 10-09,
     *       the next working day: in time.
     *   <li>614603: d accepts it on 09-07, the platform's seat dispatches it to s too (that counts for no unit), and
     *       d passes it on to s on Thursday 09-10: late.
     *   <li>614604: s accepts it and the seat dispatches it to s: nothing is passed on.
     *   <li>614605: d passes it on in time, and it is merged into 614601 (并单): it counts nowhere.
     * </ul>
     */
    private static List<CaseEvent> fiveCases() {
        CaseEvents one = new CaseEvents("614601");
        CaseEvents two = new CaseEvents("614602");
        CaseEvents three = new CaseEvents("614603");
        CaseEvents four = new CaseEvents("614604");
        CaseEvents five = new CaseEvents("614605");
        return List.of(
                one.accepted("d", Channel.PHONE, "2020-09-07T10:00:00"),
                one.passedOn("d", "s", "2020-09-08T16:00:00"),
                one.passedOn("s", "t", "2020-09-11T09:00:00"),
                one.passedOn("d", "t", "2020-09-14T09:00:00"),
                two.accepted("d", Channel.PHONE, "2020-09-30T10:00:00"),
                two.passedOn("d", "s", "2020-10-09T10:00:00"),
                three.accepted("d", Channel.PHONE, "2020-09-07T10:00:00"),
                three.assigned("s", HandlingRole.CO_HANDLING, "2020-09-07T10:05:00"),
                three.passedOn("d", "s", "2020-09-10T10:00:00"),
                four.accepted("s", Channel.PHONE, "2020-09-07T10:00:00"),
                four.assigned("s", HandlingRole.LEAD, "2020-09-07T10:00:00"),
                five.accepted("d", Channel.PHONE, "2020-09-07T10:00:00"),
                five.passedOn("d", "s", "2020-09-07T15:00:00"),
                five.merged("614601", "2020-09-08T10:00:00"));
    }

    @Test
    void givenUnitsPassingCasesOnWhenFoldedThenEachHasItsDispatchRateOnTheWorkingDayCalendar() {
        Map<String, UnitMetrics> metrics = run(inOrderDir, fiveCases()).metrics();

        UnitMetrics d = metrics.get(UnitMetrics.key("d", Channel.PHONE, "2020-09"));
        assertThat(d.counts().forwarded())
                .as("614601, 614602 and 614603, once each")
                .isEqualTo(3);
        assertThat(d.counts().forwardedOnTime()).as("614601 and 614602").isEqualTo(2);
        assertThat(d.rates().dispatchRate()).isEqualTo(2.0 / 3);

        UnitMetrics s = metrics.get(UnitMetrics.key("s", Channel.PHONE, "2020-09"));
        assertThat(s.counts().forwarded()).as("614601 only").isEqualTo(1);
        assertThat(s.counts().forwardedOnTime()).isZero();
        assertThat(s.rates().dispatchRate()).isEqualTo(0.0);

        UnitMetrics t = metrics.get(UnitMetrics.key("t", Channel.PHONE, "2020-09"));
        assertThat(t.counts().forwarded()).as("t passed nothing on").isZero();
        assertThat(t.rates().dispatchRate()).isNull();
    }

    @Test
    void givenDispatchesOnlyByThePlatformsSeatThenNoUnitHasADispatchRate() {
        CaseEvents seat = new CaseEvents("614606");
        List<CaseEvent> events = List.of(
                seat.accepted("s", Channel.WEB, "2020-09-07T10:00:00"),
                seat.assigned("s", HandlingRole.LEAD, "2020-09-07T10:00:00"),
                seat.assigned("t", HandlingRole.CO_HANDLING, "2020-09-07T10:00:00"));

        Folded folded = run(inOrderDir, events);

        assertThat(folded.states().get("614606").forwards()).isEmpty();
        assertThat(folded.metrics().values()).hasSize(2).allSatisfy(unit -> {
            assertThat(unit.counts().forwarded()).isZero();
            assertThat(unit.rates().dispatchRate()).isNull();
        });
    }

    @Test
    void givenAForwardStateThenItNamesWhenTheUnitGotTheCaseTheDeadlineAndTheDispatch() {
        CaseState two = run(inOrderDir, fiveCases()).states().get("614602");

        assertThat(two.forwards()).singleElement().satisfies(forward -> {
            assertThat(forward.unitId()).isEqualTo("d");
            assertThat(forward.receivedAt()).isEqualTo(CaseEvents.at("2020-09-30T10:00:00"));
            assertThat(forward.dueAt()).isEqualTo(CaseEvents.at("2020-10-09T23:59:59"));
            assertThat(forward.forwardedAt()).isEqualTo(CaseEvents.at("2020-10-09T10:00:00"));
            assertThat(forward.onTime()).isTrue();
        });
    }

    @Test
    void givenTheSameEventsLateRepeatedAndShuffledThenEveryUnitHasTheSameCountsAndRates() {
        List<CaseEvent> messy = new ArrayList<>(fiveCases());
        messy.addAll(fiveCases().subList(1, 9));
        Collections.shuffle(messy, new Random(18));
        Collections.reverse(messy.subList(0, 7));

        assertThat(TopologyHarness.countsAndRates(run(messyDir, messy).metrics()))
                .isEqualTo(TopologyHarness.countsAndRates(
                        run(inOrderDir, fiveCases()).metrics()))
                .hasSize(3);
    }

    private static Folded run(Path stateDir, List<CaseEvent> events) {
        return TopologyHarness.foldedAfter(stateDir, events);
    }
}
