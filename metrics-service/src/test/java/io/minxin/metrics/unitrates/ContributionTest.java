package io.minxin.metrics.unitrates;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Satisfaction;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Indicator;
import io.minxin.events.decision.PushbackRuling.Verdict;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.Counts;
import io.minxin.metrics.casestate.CaseFolder;
import io.minxin.metrics.testing.CaseEvents;
import io.minxin.metrics.testing.Decisions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContributionTest {
    private final CaseFolder folder =
            new CaseFolder(AssessmentPeriod.calendarMonth(), acceptedAt -> acceptedAt.plus(Duration.ofDays(15)));
    private final CaseEvents c = new CaseEvents("607226");
    private final Decisions d = new Decisions("607226");

    private static String period(String unit) {
        return Bucket.period(unit, Channel.PHONE, "2020-09").key();
    }

    @Test
    void ownerGetsEveryCountOfAConcludedSatisfiedExcellentCase() {
        CaseState state = fold(
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.concluded("a", "2020-09-02T09:00:00"),
                c.visited(Satisfaction.BASICALLY_SATISFIED, true, "2020-09-03T09:00:00"));

        Contribution contribution = Contribution.of(state);

        assertThat(contribution.shares().get(period("a")))
                .isEqualTo(
                        new Share("name of a", new Counts(1, 1, 1, 1, 1, 1, 0, 0, null, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1)));
        assertThat(contribution.shares().get("a|PHONE|2020-09-01").counts())
                .isEqualTo(new Counts(1, 1, 1, 1, 1, 1, 0, 0, null, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1));
    }

    @Test
    void unreachableVisitCountsOnlyAsAFollowUpThatWasNotValid() {
        CaseState state = fold(
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.visited(Satisfaction.UNREACHABLE, true, "2020-09-03T09:00:00"));

        Counts counts = Contribution.of(state).shares().get(period("a")).counts();

        assertThat(counts).isEqualTo(new Counts(1, 0, 0, 0, 0, 0, 0, 0, null, 1, 0, 0, 0, 0, 1));
        assertThat(counts.rates().satisfactionRate()).isNull();
        assertThat(counts.rates().validVisitRate()).isZero();
    }

    @Test
    void returningUnitCountsEachReturnAndConcludingReturnerAPushback() {
        CaseState state = fold(
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.returned("a", "2020-09-01T10:00:00"),
                c.accepted("b", Channel.PHONE, "2020-09-02T09:00:00"),
                c.returned("b", "2020-09-02T10:00:00"),
                c.accepted("a", Channel.PHONE, "2020-09-03T09:00:00"),
                c.returned("a", "2020-09-03T10:00:00"),
                c.accepted("a", Channel.PHONE, "2020-09-04T09:00:00"),
                c.concluded("a", "2020-09-05T09:00:00"));

        Map<String, Share> shares = Contribution.of(state).shares();

        assertThat(shares.get(period("a")).counts())
                .isEqualTo(new Counts(1, 1, 1, 0, 0, 0, 2, 1, null, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(shares.get(period("b")).counts()).isEqualTo(new Counts(0, 0, 0, 0, 0, 0, 1, 0, null, 1, 1, 0));
    }

    @Test
    void pendingCaseCountsNowhere() {
        CaseState state = fold(c.concluded("a", "2020-09-05T09:00:00"));

        assertThat(Contribution.of(state).shares()).isEmpty();
    }

    @Test
    void givenADuplicateMergedIntoAnotherCaseThenItCountsNowhereNotEvenItsReturnsPushbackOrSignIns() {
        List<CaseEvent> handled = List.of(
                c.assigned("a", io.minxin.events.HandlingRole.LEAD, "2020-09-01T08:00:00"),
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.signed("a", "2020-09-01T09:30:00"),
                c.returned("a", "2020-09-01T10:00:00"),
                c.accepted("a", Channel.PHONE, "2020-09-02T09:00:00"),
                c.concluded("a", "2020-09-03T09:00:00"),
                c.visited(Satisfaction.SATISFIED, true, "2020-09-04T09:00:00"));
        java.util.ArrayList<CaseEvent> merged = new java.util.ArrayList<>(handled);
        merged.add(c.merged("607225", "2020-09-05T09:00:00"));
        Contribution before = Contribution.of(folder.fold("607226", handled));

        Contribution after = Contribution.of(folder.fold("607226", merged));

        Counts counted = before.shares().get(period("a")).counts();
        assertThat(List.of(counted.received(), counted.returns(), counted.pushbacks(), counted.signedOnTime()))
                .as("received, returned, a 推诿 and signed in time before the merge")
                .containsOnly(1L);
        assertThat(after).isEqualTo(Contribution.NONE);
        assertThat(before.changeTo(after).get(period("a")).counts())
                .as("the merge takes back everything the case counted")
                .isEqualTo(counted.negated());
    }

    @Test
    void reassignmentMovesTheReceivedCountInsteadOfAddingOne() {
        var accepted = c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00");
        Contribution before = Contribution.of(fold(accepted));
        Contribution after = Contribution.of(fold(
                accepted,
                c.returned("a", "2020-09-01T10:00:00"),
                c.accepted("b", Channel.PHONE, "2020-09-02T09:00:00")));

        Map<String, Share> changes = before.changeTo(after);

        assertThat(changes.get(period("a")).counts()).isEqualTo(new Counts(-1, 0, 0, 0, 0, 0, 1, 0, null, 0, 1, 0));
        assertThat(changes.get(period("b")).counts()).isEqualTo(new Counts(1, 0, 0, 0, 0, 0, 0, 0, null, 1, 0, 0));
    }

    @Test
    void unchangedContributionMovesNothing() {
        Contribution contribution = Contribution.of(fold(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00")));

        assertThat(contribution.changeTo(contribution)).isEmpty();
    }

    @Test
    void dayBucketIsTheLocalDateOfTheFirstAcceptance() {
        CaseState state = fold(
                c.accepted("a", Channel.WEB, "2020-09-30T23:59:59"),
                c.returned("a", "2020-10-01T09:00:00"),
                c.accepted("b", Channel.WEB, "2020-10-01T10:00:00"));

        assertThat(Contribution.of(state).shares())
                .containsKeys("b|WEB|2020-09", "b|WEB|2020-09-30", "a|WEB|2020-09-30")
                .doesNotContainKey("b|WEB|2020-10-01");
    }

    @Test
    void givenAnExcludedRateThenTheOwnerCountsTheCaseAndExcludesItsShareOfThatRateOnly() {
        List<CaseEvent> events = List.of(
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.concluded("a", "2020-09-10T09:00:00"),
                c.visited(Satisfaction.UNSATISFIED, true, "2020-10-03T09:00:00"));
        Decision excluded = d.exclude("d1", "2020-10-05T09:00:00", Indicator.SATISFACTION_RATE, Indicator.ON_TIME_RATE);

        Share share = Contribution.of(folder.fold("607226", events, List.of(excluded)))
                .shares()
                .get(period("a"));

        assertThat(share.counts().excludedParts().satisfactionRate()).isEqualTo(new Counts.Part(0, 1));
        assertThat(share.counts().excludedParts().onTimeRate()).isEqualTo(new Counts.Part(1, 1));
        assertThat(share.counts().excludedParts().excellentRate()).isEqualTo(Counts.Part.ZERO);
        assertThat(share.counts().received()).isEqualTo(1);
        assertThat(share.counts().rates().satisfactionRate()).isNull();
        assertThat(share.counts().rates().excellentRate()).isEqualTo(1.0);
        assertThat(share.exclusions().entries())
                .singleElement()
                .satisfies(listed -> assertThat(listed.indicators())
                        .containsExactly(Indicator.ON_TIME_RATE, Indicator.SATISFACTION_RATE));
        assertThat(Contribution.of(folder.fold("607226", events, List.of(excluded)))
                        .shares()
                        .get("a|PHONE|2020-09-01")
                        .exclusions())
                .isNull();
    }

    @Test
    void givenAnExclusionThatChangesNoCountThenTheChangeStillListsIt() {
        List<CaseEvent> open = List.of(c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"));
        Contribution before = Contribution.of(folder.fold("607226", open));
        Contribution after = Contribution.of(
                folder.fold("607226", open, List.of(d.exclude("d1", "2020-10-05T09:00:00", Indicator.ON_TIME_RATE))));

        Map<String, Share> changes = before.changeTo(after);

        assertThat(changes).containsOnlyKeys(period("a"));
        assertThat(changes.get(period("a")).counts().none()).isTrue();
        assertThat(changes.get(period("a")).exclusions().entries()).hasSize(1);
        assertThat(after.changeTo(before).get(period("a")).exclusions().entries())
                .isEmpty();
    }

    @Test
    void givenARulingThenThePushbackGoesWhereItSays() {
        List<CaseEvent> pushedBack = List.of(
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.returned("a", "2020-09-01T10:00:00"),
                c.accepted("a", Channel.PHONE, "2020-09-04T09:00:00"),
                c.concluded("a", "2020-09-05T09:00:00"));

        Map<String, Share> dismissed = Contribution.of(folder.fold(
                        "607226",
                        pushedBack,
                        List.of(d.ruling("r", "2020-10-05T09:00:00", Verdict.DISMISSED, "a", null))))
                .shares();
        Map<String, Share> reassigned = Contribution.of(folder.fold(
                        "607226",
                        pushedBack,
                        List.of(d.ruling("r", "2020-10-05T09:00:00", Verdict.REASSIGNED, "a", "jiedao"))))
                .shares();

        assertThat(dismissed.get(period("a")).counts())
                .isEqualTo(new Counts(1, 1, 1, 0, 0, 0, 1, 0, null, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(dismissed).doesNotContainKey(period("jiedao"));
        assertThat(reassigned.get(period("a")).counts().pushbacks()).isZero();
        assertThat(reassigned.get(period("jiedao")))
                .isEqualTo(new Share("name of jiedao", new Counts(0, 0, 0, 0, 0, 0, 0, 1)));
    }

    @Test
    void givenReturnsExcludedThenEachReturningUnitExcludesItsOwnReturns() {
        List<CaseEvent> events = List.of(
                c.accepted("a", Channel.PHONE, "2020-09-01T09:00:00"),
                c.returned("a", "2020-09-01T10:00:00"),
                c.accepted("b", Channel.PHONE, "2020-09-02T09:00:00"),
                c.returned("b", "2020-09-02T10:00:00"),
                c.accepted("a", Channel.PHONE, "2020-09-03T09:00:00"),
                c.returned("a", "2020-09-03T10:00:00"),
                c.accepted("c", Channel.PHONE, "2020-09-04T09:00:00"));

        Map<String, Share> shares = Contribution.of(folder.fold(
                        "607226", events, List.of(d.exclude("d1", "2020-10-05T09:00:00", Indicator.RETURNS))))
                .shares();

        assertThat(shares.get(period("a")).counts().assessedReturns()).isZero();
        assertThat(shares.get(period("a")).counts().returns()).isEqualTo(2);
        assertThat(shares.get(period("b")).counts().excludedParts().returns()).isEqualTo(1);
        assertThat(shares.get(period("c")).exclusions()).isNull();
        assertThat(shares.get(period("c")).counts().excluded()).isNull();
    }

    private CaseState fold(CaseEvent... events) {
        return folder.fold("607226", List.of(events));
    }
}
