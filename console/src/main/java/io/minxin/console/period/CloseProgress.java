package io.minxin.console.period;

import io.minxin.console.web.Refusal;
import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a month's close stands, for the page: a step list (提交关账, each channel's revision 1 frozen, published,
 * audited) read from the period's ranking revisions and this console's attempt, and whether the page should keep
 * polling. A close by someone else (another operator, the auto-close) shows the same way from its revisions.
 *
 * @param phase OPEN (not closed; the button), CLOSING (under way: poll), CLOSED, FAILED (refused: why, and the button
 *     again) or SLOW (under way for longer than it should be: no more polling, the page says to look later)
 * @param closedAt when revision 1 was frozen, once it is
 * @param publishedAt when the last channel's revision 1 was published, once all are
 * @param pending revisions after the first waiting to be published (a late change, an accepted dispute, a
 *     recomputation under a new policy), by channel then number
 */
public record CloseProgress(
        String period,
        Phase phase,
        List<Step> steps,
        Refusal refusal,
        Instant closedAt,
        Instant publishedAt,
        List<RankingRevision> pending) {

    /** How long the page polls a close before it stops and says to look again later. */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    private static final Refusal.Sentences REFUSED =
            new Refusal.Sentences("您无权关账。", "关账未被接受：这个月份的状态不允许关账。", "关账未完成，请稍后重试；若一直如此，请联系运维人员。");

    public enum Phase {
        OPEN,
        CLOSING,
        CLOSED,
        FAILED,
        SLOW
    }

    /** One step of the close and whether it is done, under way (the first not done while closing) or to come. */
    public record Step(String label, State state) {
        public enum State {
            DONE,
            ACTIVE,
            WAITING
        }

        /** How the page says the state. */
        public String stateLabel() {
            return switch (state) {
                case DONE -> "已完成";
                case ACTIVE -> "进行中";
                case WAITING -> "等待";
            };
        }
    }

    static CloseProgress of(
            String period, List<RankingRevision> revisions, Optional<CloseAttempts.Attempt> attempt, Instant now) {
        List<RankingRevision> firsts =
                revisions.stream().filter(revision -> revision.revision() == 1).toList();
        boolean allFrozen = frozen(firsts, Channel.PHONE) && frozen(firsts, Channel.WEB);
        boolean allPublished =
                allFrozen && firsts.stream().allMatch(revision -> revision.status() == RevisionStatus.PUBLISHED);
        CloseAttempts.Outcome outcome =
                attempt.map(CloseAttempts.Attempt::outcome).orElse(null);
        Instant closedAt =
                earliest(firsts.stream().map(RankingRevision::closedAt).toList());
        Instant startedAt = attempt.map(CloseAttempts.Attempt::startedAt).orElse(closedAt);
        Phase phase;
        if (outcome == CloseAttempts.Outcome.REFUSED) {
            phase = Phase.FAILED;
        } else if (allPublished && outcome != CloseAttempts.Outcome.RUNNING) {
            phase = Phase.CLOSED;
        } else if (outcome == null && firsts.isEmpty()) {
            phase = Phase.OPEN;
        } else if (startedAt != null && startedAt.plus(PATIENCE).isBefore(now)) {
            phase = Phase.SLOW;
        } else {
            phase = Phase.CLOSING;
        }
        List<Step> steps = new ArrayList<>();
        steps.add(step("提交关账", outcome != null || !firsts.isEmpty()));
        steps.add(step("冻结话务端排名第 1 版", frozen(firsts, Channel.PHONE)));
        steps.add(step("冻结网络端排名第 1 版", frozen(firsts, Channel.WEB)));
        steps.add(step("发布两个渠道的排名", allPublished));
        steps.add(step("记入审计，关账完成", phase == Phase.CLOSED));
        return new CloseProgress(
                period,
                phase,
                phase == Phase.CLOSING ? activeFirst(steps) : steps,
                phase == Phase.FAILED ? Refusal.of(attempt.get().failure(), REFUSED) : null,
                closedAt,
                allPublished
                        ? latest(firsts.stream()
                                .map(RankingRevision::publishedAt)
                                .toList())
                        : null,
                revisions.stream()
                        .filter(revision -> revision.revision() > 1 && revision.status() == RevisionStatus.PENDING)
                        .sorted(java.util.Comparator.comparing(RankingRevision::channel)
                                .thenComparingInt(RankingRevision::revision))
                        .toList());
    }

    /** How many units a pending revision changes (place, inputs or exclusions) against the one it stands on. */
    public int changesOf(RankingRevision revision) {
        return revision.diff() == null ? 0 : revision.diff().changes().size();
    }

    /** The page asks again in a moment. */
    public boolean polling() {
        return phase == Phase.CLOSING;
    }

    /** The operator may (again) close: not closed, or the last attempt was refused. */
    public boolean closable() {
        return phase == Phase.OPEN || phase == Phase.FAILED;
    }

    /** What the page says of the state in one sentence. */
    public String summary() {
        return switch (phase) {
            case OPEN -> "本月尚未关账：排名是实时的，数字还会变化。关账后冻结并发布两个渠道的排名第 1 版，之后的变化只能作为新版本发布。";
            case CLOSING -> "正在关账，请稍候；页面每秒刷新进度。";
            case CLOSED -> "本月已关账：两个渠道的排名第 1 版已冻结并发布。";
            case FAILED -> "关账未完成。";
            case SLOW -> "关账仍在进行，比平常慢。请稍后刷新页面查看结果；不必重复关账。";
        };
    }

    private static Step step(String label, boolean done) {
        return new Step(label, done ? Step.State.DONE : Step.State.WAITING);
    }

    private static Instant earliest(List<Instant> instants) {
        return instants.stream()
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    private static Instant latest(List<Instant> instants) {
        return instants.stream()
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }

    private static boolean frozen(List<RankingRevision> firsts, Channel channel) {
        return firsts.stream().anyMatch(revision -> revision.channel() == channel);
    }

    private static List<Step> activeFirst(List<Step> steps) {
        List<Step> marked = new ArrayList<>();
        boolean activeGiven = false;
        for (Step step : steps) {
            if (step.state() == Step.State.DONE) {
                marked.add(step);
            } else {
                marked.add(new Step(step.label(), activeGiven ? Step.State.WAITING : Step.State.ACTIVE));
                activeGiven = true;
            }
        }
        return marked;
    }
}
