package io.minxin.console.month;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.minxin.console.api.ChannelRanking;
import io.minxin.console.api.RankingClient;
import io.minxin.events.Channel;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.ranking.RankingRevision;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The rankings the month page showed, kept so that opening a row's 排名依据 reads the same ranking again without
 * calling ranking-service once per row. Kept per role and scope (what the API lets that person see), period,
 * channel, jurisdiction and {@link ChannelRanking#version() version}: a person is only ever answered from a ranking
 * the API gave someone who sees exactly what they see. A version not kept (another console instance, an entry
 * evicted) is read once from the API with the person's token, and what it answered is kept under that version for
 * the other rows.
 */
@Component
class ExplainedRankings {
    static final int KEPT = 64;
    static final Duration IDLE = Duration.ofMinutes(10);

    /** Whom and which ranking an entry is for; {@code version} is the one the page showed. */
    record Key(Role role, Scope scope, String period, Channel channel, String jurisdiction, String version) {}

    private final RankingClient rankings;
    private final AsyncCache<Key, RankingRevision> kept =
            Caffeine.newBuilder().maximumSize(KEPT).expireAfterAccess(IDLE).buildAsync();

    ExplainedRankings(RankingClient rankings) {
        this.rankings = rankings;
    }

    /** Keeps the rankings a page was rendered from (a channel without one is not kept). */
    void keep(Caller caller, String jurisdiction, Iterable<ChannelRanking> channels) {
        for (ChannelRanking channel : channels) {
            if (channel.ranking() != null) {
                kept.put(
                        keyOf(caller, channel.ranking().period(), channel.channel(), jurisdiction, channel.version()),
                        CompletableFuture.completedFuture(channel.ranking()));
            }
        }
    }

    /**
     * The ranking the page of {@code version} showed; read from the API when it is not kept (then it may be a newer
     * version: the caller compares). Several rows opened at once share one read.
     */
    Mono<RankingRevision> ranking(Caller caller, String period, Channel channel, String jurisdiction, String version) {
        Key key = keyOf(caller, period, channel, jurisdiction, version);
        // the read goes with the person's token, which the Reactor context of this request carries; one person
        // leaving does not cancel the read the others wait for
        return Mono.deferContextual(context -> Mono.fromFuture(
                kept.get(
                        key,
                        (missing, executor) -> rankings.ranking(period, channel, jurisdiction)
                                .contextWrite(context)
                                .toFuture()),
                true));
    }

    private static Key keyOf(Caller caller, String period, Channel channel, String jurisdiction, String version) {
        return new Key(caller.role(), caller.scope(), period, channel, jurisdiction, version);
    }
}
