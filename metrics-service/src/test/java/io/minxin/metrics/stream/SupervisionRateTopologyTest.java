package io.minxin.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.HandlingRole;
import io.minxin.events.state.UnitMetrics;
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
 * 督办率 ({@code supervisionRate} = cases handed to a unit that were supervised at it / cases handed to it; less is
 * better) through the whole topology, in order and late, repeated and shuffled.
 */
class SupervisionRateTopologyTest {
    @TempDir
    Path inOrderDir;

    @TempDir
    Path messyDir;

    /**
     * <ul>
     *   <li>614701: a's, supervised twice at a: once.
     *   <li>614702: a returns it, b gets it; supervised at b, then at a (which handled it by returning it): both.
     *   <li>614703: a's, supervised at c, which never had it: nobody.
     *   <li>614704: b's, supervised at b and merged into 614701 (并单): nowhere.
     *   <li>614705: supervised at b before b's acceptance is known: counts all the same.
     *   <li>614706 and 614707: b's and a's, never supervised; 614707 is co-handled by e, which handles nothing.
     * </ul>
     */
    private static List<CaseEvent> sevenCases() {
        CaseEvents one = new CaseEvents("614701");
        CaseEvents two = new CaseEvents("614702");
        CaseEvents three = new CaseEvents("614703");
        CaseEvents four = new CaseEvents("614704");
        CaseEvents five = new CaseEvents("614705");
        CaseEvents six = new CaseEvents("614706");
        CaseEvents seven = new CaseEvents("614707");
        return List.of(
                one.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                one.supervised("a", "2020-09-03T09:00:00"),
                one.supervised("a", "2020-09-08T09:00:00"),
                one.concluded("a", "2020-09-09T09:00:00"),
                two.accepted("a", Channel.PHONE, "2020-09-01T10:00:00"),
                two.returned("a", "2020-09-01T11:00:00"),
                two.accepted("b", Channel.PHONE, "2020-09-01T12:00:00"),
                two.supervised("b", "2020-09-04T09:00:00"),
                two.supervised("a", "2020-09-05T09:00:00"),
                three.accepted("a", Channel.PHONE, "2020-09-02T09:00:00"),
                three.supervised("c", "2020-09-04T09:00:00"),
                four.accepted("b", Channel.PHONE, "2020-09-02T09:00:00"),
                four.supervised("b", "2020-09-03T09:00:00"),
                four.merged("614701", "2020-09-04T09:00:00"),
                five.supervised("b", "2020-09-02T08:00:00"),
                five.accepted("b", Channel.PHONE, "2020-09-02T09:00:00"),
                six.accepted("b", Channel.PHONE, "2020-09-02T09:00:00"),
                seven.accepted("a", Channel.PHONE, "2020-09-02T09:00:00"),
                seven.assigned("e", HandlingRole.CO_HANDLING, "2020-09-02T09:00:00"));
    }

    @Test
    void givenSupervisedCasesWhenFoldedThenEachUnitCountsItsSupervisedCasesOnceAmongThoseHandedToIt() {
        Map<String, UnitMetrics> metrics = run(inOrderDir, sevenCases());

        UnitMetrics a = metrics.get(UnitMetrics.key("a", Channel.PHONE, "2020-09"));
        assertThat(a.counts().handled()).as("614701, 614702, 614703, 614707").isEqualTo(4);
        assertThat(a.counts().supervised()).as("614701 once, 614702").isEqualTo(2);
        assertThat(a.rates().supervisionRate()).isEqualTo(0.5);

        UnitMetrics b = metrics.get(UnitMetrics.key("b", Channel.PHONE, "2020-09"));
        assertThat(b.counts().handled())
                .as("614702, 614705, 614706; 614704 merged away")
                .isEqualTo(3);
        assertThat(b.counts().supervised()).as("614702, 614705").isEqualTo(2);
        assertThat(b.rates().supervisionRate()).isEqualTo(2.0 / 3);

        assertThat(metrics)
                .as("supervised at a unit that never had the case: no bucket")
                .doesNotContainKey(UnitMetrics.key("c", Channel.PHONE, "2020-09"));
        UnitMetrics e = metrics.get(UnitMetrics.key("e", Channel.PHONE, "2020-09"));
        assertThat(e.counts().handled()).isZero();
        assertThat(e.rates().supervisionRate()).as("nothing handed to it").isNull();
    }

    @Test
    void givenTheSameEventsLateRepeatedAndShuffledThenEveryUnitHasTheSameCountsAndRates() {
        List<CaseEvent> messy = new ArrayList<>(sevenCases());
        messy.addAll(sevenCases().subList(1, 9));
        Collections.shuffle(messy, new Random(18));
        Collections.reverse(messy.subList(0, 7));

        assertThat(TopologyHarness.countsAndRates(run(messyDir, messy)))
                .isEqualTo(TopologyHarness.countsAndRates(run(inOrderDir, sevenCases())))
                .hasSize(3);
    }

    private static Map<String, UnitMetrics> run(Path stateDir, List<CaseEvent> events) {
        return TopologyHarness.unitMetricsAfter(stateDir, events);
    }
}
