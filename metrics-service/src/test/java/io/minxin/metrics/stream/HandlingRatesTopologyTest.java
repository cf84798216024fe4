package io.minxin.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Satisfaction;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;
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
 * 回退率 ({@code returnRate}: cases returned / cases handled) and 重办率 ({@code reopenRate}: concluded cases reopened
 * since their latest acceptance / concluded) through the whole topology, in order and late, repeated and shuffled.
 */
class HandlingRatesTopologyTest {
    @TempDir
    Path inOrderDir;

    @TempDir
    Path messyDir;

    /**
     * 614418: a returns it twice, b takes it, concludes, an unsatisfied visit sends it back (重办) and b concludes again.
     * 614419: a concludes its own case, the follow-up visit does not reach the citizen. 614420: a concludes, it is
     * reopened, then accepted anew by c, who concludes. 614422: e concludes, a first visit reaches no one, a second one
     * does.
     */
    private static List<CaseEvent> threeCases() {
        CaseEvents one = new CaseEvents("614418");
        CaseEvents two = new CaseEvents("614419");
        CaseEvents three = new CaseEvents("614420");
        CaseEvents four = new CaseEvents("614422");
        return List.of(
                one.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                one.returned("a", "2020-09-01T10:00:00"),
                one.accepted("a", Channel.PHONE, "2020-09-01T11:00:00"),
                one.returned("a", "2020-09-01T12:00:00"),
                one.accepted("b", Channel.PHONE, "2020-09-02T09:00:00"),
                one.concluded("b", "2020-09-03T09:00:00"),
                one.visited(Satisfaction.UNSATISFIED, false, "2020-09-04T09:00:00"),
                one.reopened("b", "2020-09-04T10:00:00"),
                one.concluded("b", "2020-09-05T09:00:00"),
                two.accepted("a", Channel.PHONE, "2020-09-01T09:30:00"),
                two.concluded("a", "2020-09-02T09:30:00"),
                two.visited(Satisfaction.UNREACHABLE, false, "2020-09-03T09:30:00"),
                three.accepted("a", Channel.PHONE, "2020-09-01T08:00:00"),
                three.concluded("a", "2020-09-02T08:00:00"),
                three.reopened("a", "2020-09-03T08:00:00"),
                three.accepted("c", Channel.PHONE, "2020-09-04T08:00:00"),
                three.concluded("c", "2020-09-05T08:00:00"),
                four.accepted("e", Channel.PHONE, "2020-09-01T08:00:00"),
                four.concluded("e", "2020-09-02T08:00:00"),
                four.visited(Satisfaction.UNREACHABLE, false, "2020-09-03T08:00:00"),
                four.visited(Satisfaction.SATISFIED, false, "2020-09-04T08:00:00"));
    }

    @Test
    void givenReturnsReopeningsAndUnreachableVisitsWhenFoldedThenEachUnitHasItsHandlingCountsAndRates() {
        Map<String, UnitMetrics> metrics = run(inOrderDir, threeCases());

        UnitMetrics a = metrics.get(UnitMetrics.key("a", Channel.PHONE, "2020-09"));
        assertThat(a.counts().returns()).isEqualTo(2);
        assertThat(a.counts().handled()).isEqualTo(2);
        assertThat(a.counts().returnedCases()).isEqualTo(1);
        assertThat(a.counts().concluded()).isEqualTo(1);
        assertThat(a.counts().reopened()).isZero();
        assertThat(a.rates().returnRate()).isEqualTo(0.5);
        assertThat(a.rates().reopenRate()).isEqualTo(0.0);
        assertThat(a.counts().followedUp()).isEqualTo(1);
        assertThat(a.rates().validVisitRate())
                .as("its one visit reached no one")
                .isEqualTo(0.0);
        assertThat(a.rates().satisfactionRate()).isNull();

        UnitMetrics b = metrics.get(UnitMetrics.key("b", Channel.PHONE, "2020-09"));
        assertThat(b.counts()).isEqualTo(new Counts(1, 1, 1, 1, 0, 0, 0, 0, null, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1));
        assertThat(b.rates().validVisitRate()).isEqualTo(1.0);
        assertThat(b.rates().returnRate()).isEqualTo(0.0);
        assertThat(b.rates().reopenRate()).isEqualTo(1.0);

        UnitMetrics c = metrics.get(UnitMetrics.key("c", Channel.PHONE, "2020-09"));
        assertThat(c.counts().reopened()).as("reopened before c's acceptance").isZero();
        assertThat(c.rates().reopenRate()).isEqualTo(0.0);
        assertThat(c.rates().validVisitRate()).as("no visit").isNull();

        UnitMetrics e = metrics.get(UnitMetrics.key("e", Channel.PHONE, "2020-09"));
        assertThat(e.counts().followedUp()).as("visited twice, one case").isEqualTo(1);
        assertThat(e.rates().validVisitRate()).as("by its latest visit").isEqualTo(1.0);
    }

    @Test
    void givenTheSameEventsLateRepeatedAndShuffledThenEveryUnitHasTheSameCountsAndRates() {
        List<CaseEvent> messy = new ArrayList<>(threeCases());
        messy.addAll(threeCases().subList(3, 9));
        messy.addAll(threeCases().subList(16, 21));
        Collections.shuffle(messy, new Random(18));
        Collections.reverse(messy.subList(0, 5));

        assertThat(TopologyHarness.countsAndRates(run(messyDir, messy)))
                .isEqualTo(TopologyHarness.countsAndRates(run(inOrderDir, threeCases())))
                .hasSize(4);
    }

    @Test
    void givenNoReturnsAndNoReopeningsThenTheReturnRateIsNullWithoutHandledCasesAndTheFourRatesAreAsBefore() {
        CaseEvents only = new CaseEvents("614421");
        Map<String, UnitMetrics> metrics = run(
                inOrderDir,
                List.of(
                        only.accepted("d", Channel.WEB, "2020-09-01T09:00:00"),
                        only.returned("d", "2020-09-01T10:00:00")));

        UnitMetrics d = metrics.get(UnitMetrics.key("d", Channel.WEB, "2020-09"));
        assertThat(d.counts()).isEqualTo(new Counts(0, 0, 0, 0, 0, 0, 1, 0, null, 1, 1, 0));
        assertThat(d.rates())
                .as("督办率 is of the handled cases too: 0 of 1")
                .isEqualTo(new Rates(null, null, null, null, 1.0, null, null, null, null, 0.0, null));
    }

    private static Map<String, UnitMetrics> run(Path stateDir, List<CaseEvent> events) {
        return TopologyHarness.unitMetricsAfter(stateDir, events);
    }
}
