package io.minxin.console.period;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloseProgressTest {
    private static final Instant STARTED = Instant.parse("2020-10-08T06:00:00Z");

    @Test
    void givenACloseRunningLongerThanThePatienceThenThePageStopsPollingAndSaysToLookLater() {
        CloseProgress progress = CloseProgress.of(
                "2020-09",
                List.of(),
                running(),
                STARTED.plus(CloseProgress.PATIENCE).plusSeconds(1));

        assertThat(progress.phase()).isEqualTo(CloseProgress.Phase.SLOW);
        assertThat(progress.polling()).isFalse();
        assertThat(progress.closable()).isFalse();
        assertThat(progress.summary()).contains("不必重复关账");
    }

    @Test
    void givenACloseThatGotNoAnswerButBothChannelsPublishedThenTheMonthIsClosed() {
        CloseProgress progress = CloseProgress.of(
                "2020-09",
                List.of(first(Channel.PHONE, RevisionStatus.PUBLISHED), first(Channel.WEB, RevisionStatus.PUBLISHED)),
                Optional.of(new CloseAttempts.Attempt(STARTED, CloseAttempts.Outcome.NO_ANSWER, null)),
                STARTED.plusSeconds(20));

        assertThat(progress.phase()).isEqualTo(CloseProgress.Phase.CLOSED);
        assertThat(progress.steps())
                .allSatisfy(step -> assertThat(step.state()).isEqualTo(CloseProgress.Step.State.DONE));
    }

    @Test
    void givenBothChannelsPublishedWhileTheApiHasNotAnsweredThenTheLastStepIsStillUnderWay() {
        CloseProgress progress = CloseProgress.of(
                "2020-09",
                List.of(first(Channel.PHONE, RevisionStatus.PUBLISHED), first(Channel.WEB, RevisionStatus.PUBLISHED)),
                running(),
                STARTED.plusSeconds(5));

        assertThat(progress.phase()).isEqualTo(CloseProgress.Phase.CLOSING);
        assertThat(progress.steps().get(4).state()).isEqualTo(CloseProgress.Step.State.ACTIVE);
        assertThat(progress.steps().get(3).state()).isEqualTo(CloseProgress.Step.State.DONE);
    }

    @Test
    void givenAPendingLaterRevisionThenTheMonthIsStillClosedByItsFirstRevisions() {
        RankingRevision second = new RankingRevision(
                "2020-09|PHONE|2",
                "2020-09",
                Channel.PHONE,
                2,
                RevisionStatus.PENDING,
                null,
                5,
                STARTED,
                STARTED,
                null,
                List.of(),
                List.of(),
                null);

        CloseProgress progress = CloseProgress.of(
                "2020-09",
                List.of(
                        first(Channel.PHONE, RevisionStatus.PUBLISHED),
                        first(Channel.WEB, RevisionStatus.PUBLISHED),
                        second),
                Optional.empty(),
                STARTED.plus(Duration.ofDays(3)));

        assertThat(progress.phase()).isEqualTo(CloseProgress.Phase.CLOSED);
        assertThat(progress.publishedAt()).isEqualTo(STARTED.plusSeconds(60));
    }

    private static Optional<CloseAttempts.Attempt> running() {
        return Optional.of(new CloseAttempts.Attempt(STARTED, CloseAttempts.Outcome.RUNNING, null));
    }

    private static RankingRevision first(Channel channel, RevisionStatus status) {
        return new RankingRevision(
                RankingRevision.idOf("2020-09", channel, 1),
                "2020-09",
                channel,
                1,
                status,
                null,
                5,
                STARTED,
                STARTED,
                status == RevisionStatus.PUBLISHED ? STARTED.plusSeconds(60) : null,
                List.of(),
                List.of(),
                null);
    }
}
