package io.minxin.ranking.revision;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.ranking.engine.RankedRows;
import io.minxin.ranking.engine.Ranking;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.live.LiveMetricsStore;
import io.minxin.ranking.live.PeriodChannel;
import io.minxin.ranking.policy.Policies;
import io.minxin.servicekit.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the API shows of a ranking: the latest published revision of a closed period (revision 1 while its
 * publication is pending), else the live ranking computed from the current inputs. Reads only; stores nothing.
 * A period that has no unit metrics and no revision (of either channel) does not exist: not-found.
 *
 * <p>A live ranking is kept with what it was ranked from (the policy and the stamp of the unit metrics, {@link
 * LiveMetricsStore#stamp}) and ranked again only when one of them changed: reading the stamp is one small document,
 * ranking is reading every unit of the period. Every instance reads the same stamps, so all rank the same units and
 * answer the same rows.
 */
@Service
@EnableConfigurationProperties(ViewCacheSettings.class)
class RankingViews {
    private final RevisionStore revisions;
    private final LiveMetricsStore live;
    private final Policies policies;
    private final Clock clock;
    /** Current rankings as last read, by period, channel and the writes seen; null when off. */
    private final AsyncLoadingCache<ViewKey, RankingRevision> views;
    /** The last live ranking of each period and channel, with its inputs; kept whether the views are cached or not. */
    private final Cache<PeriodChannel, LiveRanking> lastLive;

    RankingViews(
            RevisionStore revisions, LiveMetricsStore live, Policies policies, Clock clock, ViewCacheSettings cache) {
        this.revisions = revisions;
        this.live = live;
        this.policies = policies;
        this.clock = clock;
        this.lastLive = Caffeine.newBuilder().maximumSize(cache.maxViews()).build();
        this.views = cache.ttl().isZero()
                ? null
                : Caffeine.newBuilder()
                        // after ttl the next request gets the view it finds and starts a fresh read, so a slow
                        // MongoDB does not hold up every poll; nothing older than maxStale is ever served
                        .refreshAfterWrite(cache.ttl())
                        .expireAfterWrite(cache.maxStale())
                        .maximumSize(cache.maxViews())
                        .buildAsync((key, executor) ->
                                read(key.period(), key.channel()).toFuture());
    }

    Mono<RankingRevision> current(String period, Channel channel) {
        if (views == null) {
            return read(period, channel);
        }
        ViewKey key = new ViewKey(period, channel, revisions.writes(), policies.writes());
        return Mono.fromFuture(
                () -> views.get(key, (k, executor) -> read(period, channel).toFuture()), true);
    }

    private record ViewKey(String period, Channel channel, long revisionWrites, long policyWrites) {}

    /** {@link #current} read afresh, past the cache: the view of the inputs as stored now. */
    Mono<RankingRevision> fresh(String period, Channel channel) {
        return read(period, channel);
    }

    private Mono<RankingRevision> read(String period, Channel channel) {
        return revisions.list(period, channel).collectList().flatMap(all -> {
            RankingRevision official = latestPublished(all);
            if (official == null && !all.isEmpty()) {
                official = all.get(0);
            }
            return official == null ? live(period, channel) : Mono.just(official);
        });
    }

    Flux<RankingRevision> revisions(String period, List<Channel> channels) {
        return Flux.fromIterable(channels)
                .concatMap(channel -> revisions.list(period, channel))
                .switchIfEmpty(known(period).thenMany(Flux.empty()));
    }

    /**
     * {@link #current} of the units of {@code jurisdiction} (all when null), ranked among themselves; a revision's
     * diff is taken again against its previous revision as restricted alike ({@link JurisdictionRankings}).
     */
    Mono<RankingRevision> current(String period, Channel channel, Jurisdiction jurisdiction) {
        if (jurisdiction == null) {
            return current(period, channel);
        }
        return current(period, channel).flatMap(revision -> {
            Integer base = JurisdictionRankings.diffBase(revision);
            Mono<RankingRevision> previous = base == null
                    ? Mono.empty()
                    : revisions
                            .list(period, channel)
                            .filter(each -> each.revision() == base)
                            .next()
                            .flatMap(each -> within(each, jurisdiction));
            return Mono.zip(
                            within(revision, jurisdiction),
                            previous.map(Optional::of).defaultIfEmpty(Optional.empty()))
                    .map(both -> JurisdictionRankings.withDiff(
                            both.getT1(), revision.diff(), both.getT2().orElse(null), jurisdiction.members()));
        });
    }

    /** {@link #revisions} of the units of {@code jurisdiction} (all when null), each ranked among themselves. */
    Flux<RankingRevision> revisions(String period, List<Channel> channels, Jurisdiction jurisdiction) {
        if (jurisdiction == null) {
            return revisions(period, channels);
        }
        return Flux.fromIterable(channels)
                .concatMap(channel -> revisions
                        .list(period, channel)
                        .collectList()
                        .flatMapMany(all -> Flux.fromIterable(all)
                                .concatMap(revision -> within(revision, jurisdiction))
                                .collectList()
                                .flatMapIterable(restricted ->
                                        JurisdictionRankings.withDiffs(all, restricted, jurisdiction.members()))))
                .switchIfEmpty(known(period).thenMany(Flux.empty()));
    }

    /**
     * The period ranked under {@code policy}, compared with the current ranking; nothing is stored. With a
     * {@code jurisdiction} (null: all units), the trial and the current ranking are both of its units, each ranked
     * among themselves.
     */
    Mono<RankingRevision> whatIf(String period, RankingPolicy policy, Jurisdiction jurisdiction) {
        return Mono.zip(ranking(policy, period, policy.channel()), current(period, policy.channel()))
                .flatMap(both -> {
                    Ranking trial = jurisdiction == null
                            ? both.getT1()
                            : RankingEngine.within(policy, both.getT1(), jurisdiction.members());
                    Mono<RankingRevision> base =
                            jurisdiction == null ? Mono.just(both.getT2()) : within(both.getT2(), jurisdiction);
                    return base.map(current -> view(period, policy, RevisionStatus.WHAT_IF, trial)
                            .withDiff(RevisionDiffer.diff(current, trial)));
                });
    }

    /**
     * A revision of the members only, no diff: ranked under the jurisdiction's own policy when one is in force for the
     * period (for a frozen revision, among the versions stored by its freezing, so a version stored later never
     * changes it), else restricted under the platform's version that made it (for its named lists).
     */
    private Mono<RankingRevision> within(RankingRevision revision, Jurisdiction jurisdiction) {
        Instant storedBy = revision.revision() == 0 ? null : revision.createdAt();
        return policies.own(jurisdiction.id(), revision.channel(), revision.period(), storedBy)
                .map(own -> JurisdictionRankings.under(revision, own, jurisdiction.members()))
                .switchIfEmpty(Mono.defer(() -> policies.version(
                                revision.channel(), revision.policy().version())
                        .map(policy -> JurisdictionRankings.within(revision, policy, jurisdiction.members()))));
    }

    private Mono<RankingRevision> live(String period, Channel channel) {
        PeriodChannel key = new PeriodChannel(period, channel);
        return policies.effective(channel, period)
                // the stamp before the units: units read after it are at least as new, so a ranking is never kept
                // under the stamp of a change it does not contain
                .zipWith(live.stamp(period, channel), LiveInputs::new)
                .flatMap(inputs -> {
                    LiveRanking last = lastLive.getIfPresent(key);
                    if (last != null && last.inputs().equals(inputs)) {
                        return Mono.just(last.view());
                    }
                    return ranking(inputs.policy(), period, channel)
                            .map(ranked -> view(period, inputs.policy(), RevisionStatus.LIVE, ranked))
                            // of two rankings at once the one kept last wins; if its stamp is the older, the next
                            // request finds it differs and ranks again rather than answer it
                            .doOnNext(view -> lastLive.put(key, new LiveRanking(inputs, view)));
                });
    }

    /** What a live ranking is ranked from: the same inputs rank the same rows. */
    private record LiveInputs(RankingPolicy policy, String metricsStamp) {}

    private record LiveRanking(LiveInputs inputs, RankingRevision view) {}

    private Mono<Ranking> ranking(RankingPolicy policy, String period, Channel channel) {
        return live.units(period, channel)
                .collectList()
                .flatMap(units -> units.isEmpty() ? known(period).thenReturn(units) : Mono.just(units))
                .map(units -> RankingEngine.rank(policy, units));
    }

    /** Completes when the period has unit metrics or a revision; else not-found. */
    private Mono<Void> known(String period) {
        return live.hasPeriod(period)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.defer(() -> revisions.hasPeriod(period)).filter(Boolean::booleanValue))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound(
                        "no period " + period + ": no unit has metrics of it and it has no ranking")))
                .then();
    }

    private RankingRevision view(String period, RankingPolicy policy, RevisionStatus status, Ranking ranking) {
        return new RankingRevision(
                null,
                period,
                policy.channel(),
                0,
                status,
                policy.ref(),
                policy.top(),
                null,
                clock.instant(),
                null,
                ranking.rows(),
                ranking.notEligible(),
                null,
                ranking.lists());
    }

    private static RankingRevision latestPublished(List<RankingRevision> all) {
        RankingRevision latest = null;
        for (RankingRevision revision : all) {
            if (revision.status() == RevisionStatus.PUBLISHED) {
                latest = revision;
            }
        }
        return latest;
    }

    /** The best rows: rank ≤ {@code top} (in each tier), ties on the last place included. */
    static RankingRevision top(RankingRevision revision, int top) {
        return revision.withRows(RankedRows.top(revision.rows(), top));
    }

    /** The last {@code n} rows (of each tier), ties on the first of them included, in rank order. */
    static RankingRevision bottom(RankingRevision revision, int n) {
        return revision.withRows(RankedRows.bottom(revision.rows(), n));
    }
}
