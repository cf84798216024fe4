package io.minxin.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
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
 * 反馈率 ({@code feedbackRate} = cases whose conclusion that counts carries a reply to the citizen / cases received)
 * through the whole topology, in order and late, repeated and shuffled.
 */
class FeedbackRateTopologyTest {
    @TempDir
    Path inOrderDir;

    @TempDir
    Path messyDir;

    /**
     * <ul>
     *   <li>614801: a concludes it with a reply: fed back.
     *   <li>614802: a concludes it with a blank reply, 614803 without one: not fed back.
     *   <li>614804: a's, not concluded: received, not fed back.
     *   <li>614805: concluded by a without a reply, then again with one: the latest conclusion counts, fed back.
     *   <li>614806: a concludes it with a reply, then b accepts it: b's, and b has not concluded it.
     *   <li>614807: a concludes it with a reply and it is merged into 614801 (并单): nowhere.
     * </ul>
     */
    private static List<CaseEvent> sevenCases() {
        CaseEvents one = new CaseEvents("614801");
        CaseEvents two = new CaseEvents("614802");
        CaseEvents three = new CaseEvents("614803");
        CaseEvents four = new CaseEvents("614804");
        CaseEvents five = new CaseEvents("614805");
        CaseEvents six = new CaseEvents("614806");
        CaseEvents seven = new CaseEvents("614807");
        return List.of(
                one.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                one.concluded("a", "2020-09-03T09:00:00", "已联系群众，路灯已修复"),
                two.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                two.concluded("a", "2020-09-03T09:00:00", "  "),
                three.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                three.concluded("a", "2020-09-03T09:00:00", null),
                four.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                five.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                five.concluded("a", "2020-09-02T09:00:00", null),
                five.concluded("a", "2020-09-04T09:00:00", "已答复"),
                six.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                six.concluded("a", "2020-09-02T09:00:00", "已答复"),
                six.accepted("b", Channel.PHONE, "2020-09-03T09:00:00"),
                seven.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                seven.concluded("a", "2020-09-02T09:00:00", "已答复"),
                seven.merged("614801", "2020-09-03T09:00:00"));
    }

    @Test
    void givenConclusionsWithAndWithoutRepliesWhenFoldedThenTheOwnerCountsTheCasesItAnswered() {
        Map<String, UnitMetrics> metrics = run(inOrderDir, sevenCases());

        UnitMetrics a = metrics.get(UnitMetrics.key("a", Channel.PHONE, "2020-09"));
        assertThat(a.counts().received()).as("614801 to 614805").isEqualTo(5);
        assertThat(a.counts().fedBack())
                .as("614801 and 614805, by its latest conclusion")
                .isEqualTo(2);
        assertThat(a.rates().feedbackRate()).isEqualTo(0.4);

        UnitMetrics b = metrics.get(UnitMetrics.key("b", Channel.PHONE, "2020-09"));
        assertThat(b.counts().fedBack())
                .as("a's reply was before b's acceptance")
                .isZero();
        assertThat(b.rates().feedbackRate()).isEqualTo(0.0);
    }

    @Test
    void givenTheSameEventsLateRepeatedAndShuffledThenEveryUnitHasTheSameCountsAndRates() {
        List<CaseEvent> messy = new ArrayList<>(sevenCases());
        messy.addAll(sevenCases().subList(1, 10));
        Collections.shuffle(messy, new Random(18));
        Collections.reverse(messy.subList(0, 7));

        assertThat(TopologyHarness.countsAndRates(run(messyDir, messy)))
                .isEqualTo(TopologyHarness.countsAndRates(run(inOrderDir, sevenCases())))
                .hasSize(2);
    }

    private static Map<String, UnitMetrics> run(Path stateDir, List<CaseEvent> events) {
        return TopologyHarness.unitMetricsAfter(stateDir, events);
    }
}
