package io.minxin.ranking.revision;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.minxin.events.Channel;
import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.identity.Caller;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.Recomputation;
import io.minxin.events.ranking.RevisionDiff;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.ranking.engine.Ranking;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.live.LiveMetricsStore;
import io.minxin.ranking.live.MetricsChangeListener;
import io.minxin.ranking.live.PeriodChannel;
import io.minxin.ranking.policy.Policies;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.problem.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.util.retry.Retry;

/**
 * Freezes, revises and publishes rankings. Every change of revisions goes through this one object, one at a time,
 * so a close and a late change of the same period never interleave; ids are deterministic, so a repeated close or
 * a second instance writes the same revisions again, never new ones.
 *
 * <p>Revision 1 of a channel is frozen when its period is closed, under the policy effective for the period then.
 * A later change of the inputs makes (or updates, or withdraws) a pending revision N+1 against the latest frozen
 * revision N, under the same policy version: a policy change never rewrites a closed ranking by itself. An operator's
 * recomputation ({@link #recompute}) ranks a closed period again under the policy effective for it now and makes that
 * the pending revision N+1, whose policy version later changes of the inputs then keep.
 *
 * <p>It blocks on MongoDB, on purpose, in one synchronized method at a time: its callers are the unit-metrics Kafka
 * listener thread ({@link #metricsChanged}, whose offsets wait for the revision), the auto-close {@code @Scheduled}
 * thread and, for operators, a {@code boundedElastic} worker ({@code PeriodController}); never an event loop.
 */
@Service
public class RevisionKeeper implements MetricsChangeListener {
    private static final Logger log = LoggerFactory.getLogger(RevisionKeeper.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PeriodStore periods;
    private final RevisionStore revisions;
    private final LiveMetricsStore live;
    private final Policies policies;
    private final RevisionPublisher publisher;
    private final AuditTrail audit;
    private final Clock clock;
    private final MeterRegistry registry;

    RevisionKeeper(
            PeriodStore periods,
            RevisionStore revisions,
            LiveMetricsStore live,
            Policies policies,
            RevisionPublisher publisher,
            AuditTrail audit,
            Clock clock,
            MeterRegistry registry) {
        this.periods = periods;
        this.revisions = revisions;
        this.live = live;
        this.policies = policies;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        revisions
                .createIndexes()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1)))
                .subscribe();
    }

    /**
     * An operator closes a period ({@link #close(String, String)}); the close is audited before it is answered, a
     * repeated close too (it says the period was closed already).
     */
    public synchronized List<RankingRevision> close(String period, Caller operator) {
        PeriodStore.ClosedPeriod before = periods.find(period).block(TIMEOUT);
        List<RankingRevision> first = close(period, "operator");
        RevisionAudits.PeriodClosed change = RevisionAudits.closed(period, before, first);
        audit.record(
                operator,
                AuditAction.PERIOD_CLOSE,
                AuditTargets.period(period),
                change,
                RevisionAudits.summary(change));
        return first;
    }

    /**
     * An operator publishes revision {@code revision} ({@link #publish(String, int, List)}); one audit entry per
     * revision answered, before the answer.
     */
    public synchronized List<RankingRevision> publish(
            String period, int revision, List<Channel> channels, Caller operator) {
        List<RankingRevision> before = new ArrayList<>();
        for (Channel channel : channels) {
            RankingRevision stored = revisions
                    .find(RankingRevision.idOf(period, channel, revision))
                    .block(TIMEOUT);
            if (stored != null) {
                before.add(stored);
            }
        }
        List<RankingRevision> published = publish(period, revision, channels);
        for (RankingRevision after : published) {
            RevisionStatus previous = before.stream()
                    .filter(stored -> stored.id().equals(after.id()))
                    .map(RankingRevision::status)
                    .findFirst()
                    .orElse(null);
            RevisionAudits.RevisionPublished change = RevisionAudits.published(previous, after);
            audit.record(
                    operator,
                    AuditAction.REVISION_PUBLISH,
                    AuditTargets.revision(after.id()),
                    change,
                    RevisionAudits.summary(change));
        }
        return published;
    }

    /**
     * Closes a period: revision 1 of each channel, frozen and published. Closing again returns the same revisions
     * (and publishes one whose publication failed before).
     *
     * @param trigger {@code operator} or {@code auto}
     */
    public synchronized List<RankingRevision> close(String period, String trigger) {
        Timer.Sample sample = Timer.start(registry);
        try {
            PeriodStore.ClosedPeriod closed =
                    periods.close(period, clock.instant(), trigger).block(TIMEOUT);
            List<RankingRevision> first = new ArrayList<>();
            for (Channel channel : Channel.values()) {
                RankingRevision revision =
                        revisions.find(RankingRevision.idOf(period, channel, 1)).block(TIMEOUT);
                if (revision == null) {
                    RankingPolicy policy = policies.effective(channel, period).block(TIMEOUT);
                    revision = revisions
                            .insertIfAbsent(frozen(period, channel, 1, policy, closed.closedAt(), null))
                            .block(TIMEOUT);
                    log.info(
                            "Closed {} {}: revision 1 under policy {} v{}",
                            period,
                            channel,
                            policy.id(),
                            policy.version());
                }
                // as of its freezing, which its insert decided once: a second instance's close, at the same time
                // or after a kill -9 between the publication and its save, publishes the same record
                first.add(
                        revision.status() == RevisionStatus.PUBLISHED
                                ? revision
                                : publish(revision, revision.createdAt()));
            }
            return first;
        } finally {
            sample.stop(Timer.builder("minxin.ranking.close.duration")
                    .description("time to close a period: rank, store and publish revision 1 of each channel")
                    .tag("trigger", trigger)
                    .register(registry));
        }
    }

    /**
     * Publishes revision {@code revision} of the period, of the given channels that have it. Publishing a revision
     * that is published already answers it unchanged.
     */
    public synchronized List<RankingRevision> publish(String period, int revision, List<Channel> channels) {
        List<RankingRevision> published = new ArrayList<>();
        for (Channel channel : channels) {
            RankingRevision stored = revisions
                    .find(RankingRevision.idOf(period, channel, revision))
                    .block(TIMEOUT);
            if (stored != null) {
                published.add(stored.status() == RevisionStatus.PUBLISHED ? stored : publish(stored));
            }
        }
        if (published.isEmpty()) {
            throw ProblemException.notFound("period " + period + " has no revision " + revision + " of " + channels);
        }
        return published;
    }

    @Override
    public synchronized void metricsChanged(Set<PeriodChannel> changed) {
        for (PeriodChannel ranking : changed) {
            if (periods.find(ranking.period()).blockOptional(TIMEOUT).isPresent()) {
                revise(ranking.period(), ranking.channel());
            }
        }
    }

    /**
     * Brings the pending revision of a closed ranking in line with the current inputs, under the policy version it
     * has: a change of the inputs never changes the policy a closed ranking is ranked under.
     */
    private void revise(String period, Channel channel) {
        rankAgain(period, channel, PolicyOf.KEPT, false);
    }

    /**
     * Ranks a closed period's channel again under the policy effective for the period now (a version saved since its
     * close, effective from it or earlier), against the latest frozen revision N: when the rows differ, or the policy
     * version does, the result is pending revision N+1 (replacing one pending), published as any other; when neither
     * does, a pending revision is withdrawn. Nothing is published here.
     */
    public synchronized Recomputation.Result recompute(String period, Channel channel) {
        if (periods.find(period).blockOptional(TIMEOUT).isEmpty()) {
            return new Recomputation.Result(period, channel, Recomputation.Outcome.OPEN, null, null, 0);
        }
        return rankAgain(period, channel, PolicyOf.EFFECTIVE_NOW, true);
    }

    /** Which policy a closed ranking is ranked again under. */
    private enum PolicyOf {
        /**
         * The version of the pending revision N+1, else of the latest frozen revision N: a pending revision an
         * operator's recomputation made keeps the policy version it was ranked under.
         */
        KEPT,
        /** The policy effective for the period now: an operator's recomputation. */
        EFFECTIVE_NOW
    }

    /**
     * Ranks a closed ranking again, from the current inputs, against its latest frozen revision N: when neither the
     * rows nor the policy version differ from N, a pending revision N+1 is withdrawn ({@code UNCHANGED}); otherwise
     * the ranking is the pending revision N+1 ({@code PENDING}). Nothing is published here.
     *
     * @param policyOf the policy it is ranked under
     * @param remakeSamePending whether a pending revision N+1 that ranks the same is made again (dated now, with
     *     the policy version ranked under) rather than left as it is; an operator's recomputation makes it again,
     *     since its pending revision may stand under another policy version than the one effective now
     * @return {@code OPEN} when the period has no frozen revision yet (its close is under way and reads the inputs
     *     after they were stored: nothing to rank again)
     */
    private Recomputation.Result rankAgain(
            String period, Channel channel, PolicyOf policyOf, boolean remakeSamePending) {
        List<RankingRevision> all =
                revisions.list(period, channel).collectList().block(TIMEOUT);
        RankingRevision base = latestFrozen(all);
        if (base == null) {
            return new Recomputation.Result(period, channel, Recomputation.Outcome.OPEN, null, null, 0);
        }
        RankingRevision pending = all.stream()
                .filter(each -> each.revision() == base.revision() + 1 && each.status() == RevisionStatus.PENDING)
                .findFirst()
                .orElse(null);
        int kept = pending != null ? pending.policy().version() : base.policy().version();
        RankingPolicy policy = switch (policyOf) {
            case KEPT -> policies.version(channel, kept).block(TIMEOUT);
            case EFFECTIVE_NOW -> policies.effective(channel, period).block(TIMEOUT);
        };
        Ranking ranking = rank(policy, period, channel);
        RevisionDiff diff = RevisionDiffer.diff(base, ranking);
        if (diff.changes().isEmpty() && policy.version() == base.policy().version()) {
            if (pending != null) {
                revisions.delete(pending.id()).block(TIMEOUT);
                log.info(
                        "Withdrew pending revision {}: ranked as revision {} again, under the same policy",
                        pending.id(),
                        base.revision());
            }
            return new Recomputation.Result(
                    period, channel, Recomputation.Outcome.UNCHANGED, base.revision(), policy.version(), 0);
        }
        Recomputation.Result result = new Recomputation.Result(
                period,
                channel,
                Recomputation.Outcome.PENDING,
                base.revision() + 1,
                policy.version(),
                diff.changes().size());
        if (!remakeSamePending && pending != null && RevisionDiffer.sameRanking(pending, ranking)) {
            return result;
        }
        RankingRevision next = revision(period, channel, base.revision() + 1, policy, ranking, base.closedAt(), diff);
        revisions.save(next).block(TIMEOUT);
        log.info(
                "Pending revision {} under policy {} v{}: {} units changed since revision {}",
                next.id(),
                policy.id(),
                policy.version(),
                diff.changes().size(),
                base.revision());
        return result;
    }

    /** The revision later changes are compared with: the latest published one, or revision 1 (frozen at close). */
    static RankingRevision latestFrozen(List<RankingRevision> revisions) {
        RankingRevision base = null;
        for (RankingRevision revision : revisions) {
            if (revision.revision() == 1 || revision.status() == RevisionStatus.PUBLISHED) {
                if (base == null || revision.revision() > base.revision()) {
                    base = revision;
                }
            }
        }
        return base;
    }

    private RankingRevision frozen(
            String period, Channel channel, int number, RankingPolicy policy, Instant closedAt, RevisionDiff diff) {
        return revision(period, channel, number, policy, rank(policy, period, channel), closedAt, diff);
    }

    private Ranking rank(RankingPolicy policy, String period, Channel channel) {
        return RankingEngine.rank(
                policy, live.units(period, channel).collectList().block(TIMEOUT));
    }

    private RankingRevision revision(
            String period,
            Channel channel,
            int number,
            RankingPolicy policy,
            Ranking ranking,
            Instant closedAt,
            RevisionDiff diff) {
        return new RankingRevision(
                RankingRevision.idOf(period, channel, number),
                period,
                channel,
                number,
                RevisionStatus.PENDING,
                policy.ref(),
                policy.top(),
                closedAt,
                clock.instant(),
                null,
                ranking.rows(),
                ranking.notEligible(),
                diff,
                ranking.lists());
    }

    private RankingRevision publish(RankingRevision revision) {
        return publish(revision, clock.instant());
    }

    private RankingRevision publish(RankingRevision revision, Instant at) {
        RankingRevision published = revision.published(at);
        publisher.publish(published);
        RankingRevision saved = revisions.save(published).block(TIMEOUT);
        log.info("Published revision {}", published.id());
        return saved;
    }
}
