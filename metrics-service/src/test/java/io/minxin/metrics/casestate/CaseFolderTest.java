package io.minxin.metrics.casestate;

import static io.minxin.metrics.testing.CaseEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Merged;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.decision.BulletinEdited;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Indicator;
import io.minxin.events.decision.PushbackRuling.Verdict;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.ExcludedCase;
import io.minxin.metrics.testing.CaseEvents;
import io.minxin.metrics.testing.Decisions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFolderTest {
    private final CaseFolder folder =
            new CaseFolder(AssessmentPeriod.calendarMonth(), acceptedAt -> acceptedAt.plus(Duration.ofDays(15)));
    private final CaseEvents c = new CaseEvents("614418");

    @Test
    void caseWithoutAcceptanceIsPendingAndOwnedByNobody() {
        CaseState state = fold(c.concluded("a", "2020-09-03T10:00:00"));

        assertThat(state.pending()).isTrue();
        assertThat(state.owner()).isNull();
        assertThat(state.conclusion()).isNull();
        assertThat(state.history()).hasSize(1);
    }

    @Test
    void periodAndChannelComeFromTheEarliestAcceptanceOwnerFromTheLatest() {
        CaseEvent late = c.accepted("b", Channel.WEB, "2020-10-02T09:00:00");
        CaseEvent first = c.accepted("a", Channel.PHONE, "2020-09-30T23:59:59");
        CaseEvent returned = c.returned("a", "2020-10-01T08:00:00");

        CaseState state = fold(late, returned, first);

        assertThat(state.period()).isEqualTo("2020-09");
        assertThat(state.channel()).isEqualTo(Channel.PHONE);
        assertThat(state.owner()).isEqualTo("b");
        assertThat(state.ownerName()).isEqualTo("name of b");
        assertThat(state.acceptances()).extracting(CaseState.Acceptance::unitId).containsExactly("a", "b");
    }

    @Test
    void ownerThatReturnedAfterItsAcceptanceOwnsNothingUntilReassigned() {
        CaseState state =
                fold(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"), c.returned("a", "2020-09-01T10:00:00"));

        assertThat(state.owner()).isNull();
        assertThat(state.period()).isEqualTo("2020-09");
        assertThat(state.returns()).containsExactly(new CaseState.Return("a", "不归我单位管辖", at("2020-09-01T10:00:00")));
    }

    @Test
    void returnAtTheSameInstantAsTheAcceptanceComesAfterIt() {
        CaseState state =
                fold(c.returned("a", "2020-09-01T09:00:00"), c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));

        assertThat(state.owner()).isNull();
    }

    @Test
    void deadlineIsTheGivenDueAtOrTheDefaultAfterTheLatestAcceptance() {
        CaseState given = fold(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00", "2020-09-05T18:00:00"));
        CaseState defaulted = fold(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));

        assertThat(given.dueAt()).isEqualTo(at("2020-09-05T18:00:00"));
        assertThat(defaulted.dueAt()).isEqualTo(at("2020-09-16T09:00:00"));
    }

    @Test
    void conclusionOnTheDeadlineIsOnTimeOneSecondLaterIsNot() {
        CaseEvent accepted = c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00", "2020-09-05T23:59:59");

        CaseState onTime = fold(accepted, c.concluded("a", "2020-09-05T23:59:59"));
        CaseState late = fold(accepted, c.concluded("a", "2020-09-06T00:00:00"));

        assertThat(onTime.conclusion().onTime()).isTrue();
        assertThat(late.conclusion().onTime()).isFalse();
    }

    @Test
    void conclusionBeforeTheLatestAcceptanceDoesNotCount() {
        CaseState state = fold(
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.concluded("a", "2020-09-02T09:00:00"),
                c.accepted("b", Channel.PHONE, "2020-09-03T09:00:00"));

        assertThat(state.owner()).isEqualTo("b");
        assertThat(state.conclusion()).isNull();
    }

    @Test
    void latestConclusionAndLatestVisitWin() {
        CaseState state = fold(
                c.accepted("a", Channel.WEB, "2020-09-01T09:00:00"),
                c.concluded("a", "2020-09-03T09:00:00"),
                c.concluded("a", "2020-09-02T09:00:00"),
                c.visited(Satisfaction.UNREACHABLE, false, "2020-09-05T09:00:00"),
                c.visited(Satisfaction.SATISFIED, true, "2020-09-04T09:00:00"));

        assertThat(state.conclusion().occurredAt()).isEqualTo(at("2020-09-03T09:00:00"));
        assertThat(state.visit().satisfaction()).isEqualTo(Satisfaction.UNREACHABLE);
        assertThat(state.visit().answered()).isFalse();
    }

    @Test
    void concludedByAUnitThatReturnedItBeforeIsAConfirmedPushback() {
        CaseState state = folder.fold("614418", returnedTwiceThenConcluded());

        assertThat(state.pushback()).isTrue();
        assertThat(state.owner()).isEqualTo("a");
        assertThat(state.returnsBy("a")).isEqualTo(2);
        assertThat(state.confirmedPushback())
                .isEqualTo(new CaseState.Pushback(
                        "a",
                        List.of(
                                new CaseState.Return("a", "不归我单位管辖", at("2020-09-01T10:00:00")),
                                new CaseState.Return("a", "不归我单位管辖", at("2020-09-02T10:00:00")))));
    }

    @Test
    void confirmedPushbackNamesOnlyTheConcludingUnitsReturnsBeforeTheConclusionOldestFirst() {
        // given returns by the concluding unit before, at the same instant as and after the conclusion, and by another
        CaseState state = fold(
                returned("r3", "a", "请分派至住建部门", "2020-09-04T09:00:00"),
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                returned("r1", "a", "不属于本单位", "2020-09-01T10:00:00"),
                c.accepted("b", Channel.PHONE, "2020-09-02T09:00:00"),
                returned("rb", "b", "应由街道处理", "2020-09-02T10:00:00"),
                c.accepted("a", Channel.PHONE, "2020-09-03T09:00:00"),
                c.concluded("a", "2020-09-04T09:00:00"),
                returned("r4", "a", "结案后退件", "2020-09-05T09:00:00"));

        // then the returns that made it are a's up to and including the instant of the conclusion
        assertThat(state.pushback()).isTrue();
        assertThat(state.conclusion().unitId()).isEqualTo("a");
        assertThat(state.confirmedPushback().unitId()).isEqualTo("a");
        assertThat(state.confirmedPushback().returns())
                .extracting(CaseState.Return::reason)
                .containsExactly("不属于本单位", "请分派至住建部门");
    }

    @Test
    void returnByTheConcludingUnitOnlyAfterTheConclusionIsNoPushback() {
        CaseState state = fold(
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.concluded("a", "2020-09-02T09:00:00"),
                c.returned("a", "2020-09-02T10:00:00"));

        assertThat(state.conclusion()).isNotNull();
        assertThat(state.pushback()).isFalse();
        assertThat(state.confirmedPushback()).isNull();
    }

    @Test
    void pushbackDoesNotDependOnArrivalOrder() {
        List<CaseEvent> events = returnedTwiceThenConcluded();
        CaseState inOrder = folder.fold("614418", events);
        List<CaseEvent> reversed = new java.util.ArrayList<>(events);
        java.util.Collections.reverse(reversed);

        assertThat(folder.fold("614418", reversed).confirmedPushback())
                .isEqualTo(inOrder.confirmedPushback())
                .isNotNull();
    }

    @Test
    void concludedByAUnitThatNeverReturnedItIsNoPushback() {
        CaseState state = fold(
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.returned("a", "2020-09-01T10:00:00"),
                c.accepted("b", Channel.PHONE, "2020-09-02T09:00:00"),
                c.concluded("b", "2020-09-04T09:00:00"));

        assertThat(state.pushback()).isFalse();
        assertThat(state.confirmedPushback()).isNull();
    }

    @Test
    void repeatedEventCountsOnceAndHistoryIsInFoldingOrder() {
        CaseEvent accepted = c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00");
        CaseEvent concluded = c.concluded("a", "2020-09-02T09:00:00");

        CaseState state = fold(concluded, accepted, concluded, accepted);

        assertThat(state.history())
                .extracting(CaseState.HistoryEntry::id)
                .containsExactly(accepted.id(), concluded.id());
        assertThat(state.version()).isEqualTo(2);
    }

    @Test
    void cutOffPeriodAssignsTheDayAfterTheCutOffToTheNextPeriod() {
        CaseFolder cutOff = new CaseFolder(AssessmentPeriod.cutOffOn(25), acceptedAt -> acceptedAt);

        CaseState before = cutOff.fold("1", List.of(c.accepted("a", Channel.PHONE, "2020-09-25T23:59:59")));
        CaseState after = cutOff.fold("2", List.of(c.accepted("a", Channel.PHONE, "2020-09-26T00:00:00")));

        assertThat(before.period()).isEqualTo("2020-09");
        assertThat(after.period()).isEqualTo("2020-10");
    }

    @Test
    void checkNamesTheMissingFieldOfAnEventThatCannotBeFolded() {
        CaseEvent withoutUnit = CaseEvent.of(
                "614418-x", "/platform/test", new Returned("614418", null, "不归我单位管辖", at("2020-09-01T10:00:00")));

        assertThatThrownBy(() -> folder.check(withoutUnit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data.unitId is missing");
    }

    @Test
    void checkNamesTheMissingDeadlineOfAnApprovedExtensionAndLetsARefusalGoWithoutOne() {
        CaseEvent approvedWithoutDeadline = CaseEvent.of(
                "614418-y",
                "/platform/test",
                new io.minxin.events.ExtensionDecided(
                        "614418",
                        "a",
                        "yq-1",
                        io.minxin.events.ExtensionOutcome.APPROVED,
                        null,
                        null,
                        null,
                        at("2020-09-02T10:00:00")));

        assertThatThrownBy(() -> folder.check(approvedWithoutDeadline))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data.dueAt is missing");
        folder.check(c.extensionDecided("a", null, "2020-09-02T10:00:00"));
    }

    @Test
    void checkedEventsFoldInAnyCombination() {
        List<CaseEvent> events = List.of(
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.returned("a", "2020-09-01T10:00:00"),
                c.accepted("b", Channel.PHONE, "2020-09-01T11:00:00"),
                c.concluded("b", "2020-09-03T10:00:00"),
                c.visited(Satisfaction.UNREACHABLE, false, "2020-09-04T10:00:00"),
                c.merged("614400", "2020-09-05T10:00:00"));
        events.forEach(folder::check);

        for (int mask = 1; mask < 1 << events.size(); mask++) {
            List<CaseEvent> subset = new java.util.ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    subset.add(events.get(i));
                }
            }
            assertThat(folder.fold("614418", subset).version()).isEqualTo(subset.size());
        }
    }

    @Test
    void givenAMergeAfterTheLatestAcceptanceThenTheCaseIsMergedIntoItsTargetAndIsNoPushbackCandidate() {
        List<CaseEvent> events = new java.util.ArrayList<>(returnedTwiceThenConcluded());
        events.add(c.merged("614400", "2020-09-05T09:00:00"));

        CaseState state = folder.fold("614418", events);

        assertThat(state.mergedInto()).isEqualTo("614400");
        assertThat(state.merged()).isTrue();
        assertThat(state.pushback())
                .as("a duplicate merged away is reviewed nowhere")
                .isFalse();
        assertThat(state.confirmedPushback()).isNull();
        assertThat(state.pushbackUnit()).isNull();
        assertThat(state.owner()).as("what happened stays readable").isEqualTo("a");
        assertThat(state.conclusion()).isNotNull();
        assertThat(state.history())
                .extracting(CaseState.HistoryEntry::type)
                .endsWith(io.minxin.events.EventType.CASE_MERGED);
        assertThat(state.version()).isEqualTo(7);
    }

    @Test
    void givenSeveralMergesAfterTheLatestAcceptanceThenTheLatestStandsAndAMergeAtTheAcceptanceInstantComesAfterIt() {
        CaseState state = fold(
                c.merged("614401", "2020-09-01T09:00:00"),
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.merged("614402", "2020-09-02T09:00:00"));
        CaseState sameInstant =
                fold(c.merged("614401", "2020-09-01T09:00:00"), c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));

        assertThat(state.mergedInto()).isEqualTo("614402");
        assertThat(sameInstant.mergedInto()).isEqualTo("614401");
    }

    @Test
    void givenANewAcceptanceAfterTheMergeThenTheCaseIsACaseOfItsOwnAgain() {
        CaseState state = fold(
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.merged("614400", "2020-09-02T09:00:00"),
                c.accepted("b", Channel.PHONE, "2020-09-03T09:00:00"));

        assertThat(state.mergedInto()).isNull();
        assertThat(state.merged()).isFalse();
        assertThat(state.owner()).isEqualTo("b");
    }

    @Test
    void givenAMergeBeforeTheFirstAcceptanceThenTheCaseIsNotMergedAndAMergeAloneLeavesItPending() {
        CaseEvent merge = c.merged("614400", "2020-09-01T08:00:00");

        CaseState state = fold(merge, c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));
        CaseState alone = fold(merge);

        assertThat(state.mergedInto()).isNull();
        assertThat(state.owner()).isEqualTo("a");
        assertThat(alone.pending()).isTrue();
        assertThat(alone.mergedInto()).isNull();
        assertThat(alone.history()).extracting(CaseState.HistoryEntry::unitId).containsExactly((String) null);
    }

    @Test
    void checkRequiresTheCaseAMergeIsIntoAndRefusesAMergeIntoItselfButNoUnit() {
        Instant at = at("2020-09-02T10:00:00");
        CaseEvent withoutTarget =
                CaseEvent.of("614418-m1", "/platform/test", new Merged("614418", null, "a", null, at));
        CaseEvent intoItself =
                CaseEvent.of("614418-m2", "/platform/test", new Merged("614418", "614418", null, null, at));

        assertThatThrownBy(() -> folder.check(withoutTarget))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data.intoCaseId is missing");
        assertThatThrownBy(() -> folder.check(intoItself))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data.intoCaseId must name another case than data.caseId");
        folder.check(c.merged("614400", "2020-09-02T10:00:00"));
    }

    /** a accepts, returns, accepts again, returns again, accepts a third time and concludes. */
    private List<CaseEvent> returnedTwiceThenConcluded() {
        return List.of(
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.returned("a", "2020-09-01T10:00:00"),
                c.accepted("a", Channel.PHONE, "2020-09-02T09:00:00"),
                c.returned("a", "2020-09-02T10:00:00"),
                c.accepted("a", Channel.PHONE, "2020-09-03T09:00:00"),
                c.concluded("a", "2020-09-04T09:00:00"));
    }

    private static CaseEvent returned(String id, String unitId, String reason, String at) {
        return CaseEvent.of("614418-" + id, CaseEvents.SOURCE, new Returned("614418", unitId, reason, at(at)));
    }

    @Test
    void givenSeveralExclusionsThenPerIndicatorTheLatestDecisionStandsWhateverTheirOrder() {
        Decisions d = new Decisions("614418");
        Decision both = d.exclude("d1", "2020-10-03T09:00:00", Indicator.SATISFACTION_RATE, Indicator.RETURNS);
        Decision restoreReturns = d.restore("d2", "2020-10-04T09:00:00", Indicator.RETURNS);
        Decision onTime = d.exclude("d0", "2020-10-04T09:00:00", Indicator.ON_TIME_RATE);
        List<CaseEvent> events = List.of(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));

        CaseState state = folder.fold("614418", events, List.of(restoreReturns, both, onTime, both));
        CaseState reversed = folder.fold("614418", events, List.of(onTime, both, restoreReturns));

        assertThat(state.exclusions())
                .extracting(ExcludedCase::decisionId, ExcludedCase::indicators)
                .containsExactly(
                        tuple("d1", List.of(Indicator.SATISFACTION_RATE)),
                        tuple("d0", List.of(Indicator.ON_TIME_RATE)));
        assertThat(state.decisions()).extracting(Decision::id).containsExactly("d1", "d0", "d2");
        assertThat(state.version()).isEqualTo(4);
        assertThat(reversed).isEqualTo(state);
    }

    @Test
    void givenRulingsThenTheLatestStandsAndDecidesWhereThePushbackIsChargedNotWhetherItIsACandidate() {
        Decisions d = new Decisions("614418");
        List<CaseEvent> events = returnedTwiceThenConcluded();

        CaseState dismissed = folder.fold(
                "614418",
                events,
                List.of(
                        d.ruling("r2", "2020-10-04T09:00:00", Verdict.DISMISSED, "a", null),
                        d.ruling("r1", "2020-10-03T09:00:00", Verdict.REASSIGNED, "a", "b")));
        CaseState reassigned = folder.fold(
                "614418", events, List.of(d.ruling("r1", "2020-10-03T09:00:00", Verdict.REASSIGNED, "a", "b")));

        assertThat(dismissed.pushback()).isTrue();
        assertThat(dismissed.ruling().id()).isEqualTo("r2");
        assertThat(dismissed.pushbackUnit()).isNull();
        assertThat(reassigned.pushbackUnit()).isEqualTo("b");
        assertThat(folder.fold("614418", events).pushbackUnit()).isEqualTo("a");
    }

    @Test
    void givenADecisionOfAnotherKindOrCaseThenItIsNotFolded() {
        Decision bulletin = new Decision(
                "b1",
                "2020-09",
                "k",
                "operator",
                at("2020-10-03T09:00:00"),
                "",
                new BulletinEdited("2020-09", "李某", null, null, null, null, null, null, null, null, null));
        Decision otherCase = new Decisions("999").exclude("x", "2020-10-03T09:00:00", Indicator.RETURNS);

        assertThat(CaseFolder.foldable("614418", bulletin)).isFalse();
        assertThatThrownBy(() -> CaseFolder.foldable("614418", otherCase)).hasMessageContaining("999");
        assertThat(folder.fold(
                                "614418",
                                List.of(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00")),
                                List.of(bulletin))
                        .decisions())
                .isEmpty();
    }

    private CaseState fold(CaseEvent... events) {
        return folder.fold("614418", List.of(events));
    }
}
