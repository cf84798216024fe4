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
 * 及时签收率 ({@code signInRate} = cases signed by the sign-in deadline / cases dispatched) and approved extensions
 * (延期) moving the handling deadline, on the working-day calendar (holidays and 调休), through the whole topology, in
 * order and late, repeated and shuffled. The harness signs in within 1 working day (Bengbu's rule).
 */
class SignInAndExtensionTopologyTest {
    @TempDir
    Path inOrderDir;

    @TempDir
    Path messyDir;

    /**
     * a is the lead unit of every case, b co-handles the first.
     *
     * <ul>
     *   <li>614501, dispatched Monday 09-07: a signs the next day (in time), b two days later (late).
     *   <li>614502, dispatched Wednesday 09-30, the eve of the National Day holiday (10-01 to 10-08): the next working
     *       day is Friday 10-09, so a's sign-in that day is in time (Monday to Friday alone would make it late).
     *   <li>614503, dispatched Saturday 09-26: Sunday 09-27 is worked instead of a holiday (调休), so a's sign-in on
     *       Monday 09-28 is late (Monday to Friday alone would make it in time).
     *   <li>614504, dispatched and never signed.
     *   <li>614505, due 09-10, concluded 09-15 after an extension to 09-20 was approved on 09-09: on time.
     *   <li>614506, due 09-10, concluded 09-15 after an extension was refused: late.
     *   <li>614507, due 09-10, concluded 09-15, an extension approved only on 09-16: late all the same.
     * </ul>
     */
    private static List<CaseEvent> sevenCases() {
        CaseEvents one = new CaseEvents("614501");
        CaseEvents two = new CaseEvents("614502");
        CaseEvents three = new CaseEvents("614503");
        CaseEvents four = new CaseEvents("614504");
        CaseEvents five = new CaseEvents("614505");
        CaseEvents six = new CaseEvents("614506");
        CaseEvents seven = new CaseEvents("614507");
        return List.of(
                one.accepted("a", Channel.PHONE, "2020-09-07T10:00:00"),
                one.assigned("a", HandlingRole.LEAD, "2020-09-07T10:05:00"),
                one.assigned("b", HandlingRole.CO_HANDLING, "2020-09-07T10:05:00"),
                one.signed("a", "2020-09-08T16:00:00"),
                one.signed("b", "2020-09-09T09:00:00"),
                two.accepted("a", Channel.PHONE, "2020-09-30T10:00:00"),
                two.assigned("a", HandlingRole.LEAD, "2020-09-30T10:00:00"),
                two.signed("a", "2020-10-09T10:00:00"),
                three.accepted("a", Channel.PHONE, "2020-09-26T10:00:00"),
                three.assigned("a", HandlingRole.LEAD, "2020-09-26T10:00:00"),
                three.signed("a", "2020-09-28T09:00:00"),
                four.accepted("a", Channel.PHONE, "2020-09-14T10:00:00"),
                four.assigned("a", HandlingRole.LEAD, "2020-09-14T10:00:00"),
                five.accepted("a", Channel.PHONE, "2020-09-01T10:00:00", "2020-09-10T23:59:59"),
                five.extensionDecided("a", "2020-09-20T23:59:59", "2020-09-09T15:00:00"),
                five.concluded("a", "2020-09-15T10:00:00"),
                six.accepted("a", Channel.PHONE, "2020-09-01T10:00:00", "2020-09-10T23:59:59"),
                six.extensionDecided("a", null, "2020-09-09T15:00:00"),
                six.concluded("a", "2020-09-15T10:00:00"),
                seven.accepted("a", Channel.PHONE, "2020-09-01T10:00:00", "2020-09-10T23:59:59"),
                seven.concluded("a", "2020-09-15T10:00:00"),
                seven.extensionDecided("a", "2020-09-20T23:59:59", "2020-09-16T15:00:00"));
    }

    @Test
    void givenDispatchesAndSignInsWhenFoldedThenEachDispatchedUnitHasItsSignInRateOnTheWorkingDayCalendar() {
        Map<String, UnitMetrics> metrics = run(inOrderDir, sevenCases()).metrics();

        UnitMetrics a = metrics.get(UnitMetrics.key("a", Channel.PHONE, "2020-09"));
        assertThat(a.counts().dispatched()).isEqualTo(4);
        assertThat(a.counts().signedOnTime()).as("614501 and 614502 in time").isEqualTo(2);
        assertThat(a.rates().signInRate()).isEqualTo(0.5);

        UnitMetrics b = metrics.get(UnitMetrics.key("b", Channel.PHONE, "2020-09"));
        assertThat(b.counts().dispatched()).isEqualTo(1);
        assertThat(b.counts().signedOnTime()).isZero();
        assertThat(b.counts().received()).as("a co-handling unit owns nothing").isZero();
        assertThat(b.unitName()).isEqualTo("name of b");
        assertThat(b.rates().signInRate()).isEqualTo(0.0);
        assertThat(b.rates().completionRate()).isNull();
    }

    @Test
    void givenApprovedRefusedAndLateExtensionsThenOnlyTheApprovalBeforeTheConclusionMovesTheDeadline() {
        Folded folded = run(inOrderDir, sevenCases());

        assertThat(folded.states().get("614505").dueAt()).isEqualTo(CaseEvents.at("2020-09-20T23:59:59"));
        assertThat(folded.states().get("614505").conclusion().onTime()).isTrue();
        assertThat(folded.states().get("614506").conclusion().onTime()).isFalse();
        assertThat(folded.states().get("614507").dueAt()).isEqualTo(CaseEvents.at("2020-09-10T23:59:59"));
        assertThat(folded.states().get("614507").conclusion().onTime()).isFalse();
        UnitMetrics a = folded.metrics().get(UnitMetrics.key("a", Channel.PHONE, "2020-09"));
        assertThat(a.counts().concluded()).isEqualTo(3);
        assertThat(a.counts().concludedOnTime()).isEqualTo(1);
    }

    @Test
    void givenASignInStateThenItNamesTheDispatchTheDeadlineAndTheSignIn() {
        CaseState two = run(inOrderDir, sevenCases()).states().get("614502");

        assertThat(two.signIns()).singleElement().satisfies(signIn -> {
            assertThat(signIn.unitId()).isEqualTo("a");
            assertThat(signIn.role()).isEqualTo(HandlingRole.LEAD);
            assertThat(signIn.dispatchedAt()).isEqualTo(CaseEvents.at("2020-09-30T10:00:00"));
            assertThat(signIn.dueAt()).isEqualTo(CaseEvents.at("2020-10-09T23:59:59"));
            assertThat(signIn.signedAt()).isEqualTo(CaseEvents.at("2020-10-09T10:00:00"));
            assertThat(signIn.onTime()).isTrue();
        });
    }

    @Test
    void givenARedispatchThenTheLatestDispatchAndTheFirstSignInAfterItCount() {
        CaseEvents again = new CaseEvents("614508");
        List<CaseEvent> events = List.of(
                again.accepted("a", Channel.WEB, "2020-09-01T10:00:00"),
                again.assigned("a", HandlingRole.LEAD, "2020-09-01T10:00:00"),
                again.signed("a", "2020-09-01T11:00:00"),
                again.assigned("a", HandlingRole.LEAD, "2020-09-07T10:00:00"),
                again.signed("a", "2020-09-10T10:00:00"));

        UnitMetrics a = run(inOrderDir, events).metrics().get(UnitMetrics.key("a", Channel.WEB, "2020-09"));

        assertThat(a.counts().dispatched()).as("once per case and unit").isEqualTo(1);
        assertThat(a.counts().signedOnTime())
                .as("the second dispatch was signed late")
                .isZero();
    }

    @Test
    void givenTheSameEventsLateRepeatedAndShuffledThenEveryUnitHasTheSameCountsAndRates() {
        List<CaseEvent> messy = new ArrayList<>(sevenCases());
        messy.addAll(sevenCases().subList(2, 15));
        Collections.shuffle(messy, new Random(18));
        Collections.reverse(messy.subList(0, 7));

        assertThat(TopologyHarness.countsAndRates(run(messyDir, messy).metrics()))
                .isEqualTo(TopologyHarness.countsAndRates(
                        run(inOrderDir, sevenCases()).metrics()))
                .hasSize(2);
    }

    private static Folded run(Path stateDir, List<CaseEvent> events) {
        return TopologyHarness.foldedAfter(stateDir, events);
    }
}
