package io.minxin.console.api;

import io.minxin.events.Channel;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.Recomputation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * ranking-service through the gateway: a month's ranking of one channel, every row explained; closing a month; the
 * channels' ranking policies, a trial of an edited one (what-if) and storing it as the next version.
 */
@Component
public class RankingClient {
    /** Every place, not only the policy's best ones (the API's default for a city-wide caller). */
    static final int ALL_PLACES = 10_000;

    private static final ParameterizedTypeReference<List<Policy>> POLICIES = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<RankingRevision>> REVISIONS =
            new ParameterizedTypeReference<>() {};

    private final GatewayApi api;

    RankingClient(GatewayApi api) {
        this.api = api;
    }

    /**
     * {@code GET /api/v1/rankings/{period}?channel=&top=}: the latest published revision of a closed month, else the
     * live ranking; a unit-scoped person gets their own row. 404 when the month has no data.
     */
    public Mono<RankingRevision> ranking(String period, Channel channel) {
        return ranking(period, channel, null);
    }

    /** {@link #ranking(String, Channel)} of one jurisdiction's units, ranked among themselves (null: all). */
    public Mono<RankingRevision> ranking(String period, Channel channel, String jurisdiction) {
        return api.get(
                uri -> uri.path("/api/v1/rankings/{period}")
                        .queryParam("channel", channel.name())
                        .queryParam("top", ALL_PLACES)
                        .queryParamIfPresent("jurisdiction", Optional.ofNullable(jurisdiction))
                        .build(period),
                RankingRevision.class);
    }

    /**
     * {@code POST /api/v1/periods/{period}/close}: freezes and publishes revision 1 of each channel; answered once the
     * close is on the audit trail (closing again answers the same revisions).
     */
    public Mono<List<RankingRevision>> close(String period) {
        return api.post(uri -> uri.path("/api/v1/periods/{period}/close").build(period), Map.of(), REVISIONS);
    }

    /**
     * {@code POST /api/v1/periods/{period}/revisions/{n}/publish?channel=}: publishes a pending revision of one channel;
     * answered once it is on the audit trail.
     */
    public Mono<List<RankingRevision>> publish(String period, int revision, Channel channel) {
        return api.post(
                uri -> uri.path("/api/v1/periods/{period}/revisions/{n}/publish")
                        .queryParam("channel", channel.name())
                        .build(period, revision),
                Map.of(),
                REVISIONS);
    }

    /**
     * {@code POST /api/v1/periods/recomputations?from=&to=}: ranks the closed months again under the policies
     * effective for them now, in the background; answered at once with the job.
     */
    public Mono<Recomputation> recompute(String from, String to) {
        return api.post(
                uri -> uri.path("/api/v1/periods/recomputations")
                        .queryParam("from", from)
                        .queryParam("to", to)
                        .build(),
                Map.of(),
                Recomputation.class);
    }

    /** {@code GET /api/v1/periods/recomputations/{id}}: how far a recomputation has come. */
    public Mono<Recomputation> recomputation(String id) {
        return api.get(uri -> uri.path("/api/v1/periods/recomputations/{id}").build(id), Recomputation.class);
    }

    /** {@code GET /api/v1/rankings/{period}/revisions}: every revision, published or pending, of both channels. */
    public Mono<List<RankingRevision>> revisions(String period) {
        return api.get(uri -> uri.path("/api/v1/rankings/{period}/revisions").build(period), REVISIONS);
    }

    /** Both channels' rankings of a month, read at once; a channel without one (404) has a null ranking. */
    public Mono<List<ChannelRanking>> rankings(String period) {
        return rankings(period, null);
    }

    /** {@link #rankings(String)} of one jurisdiction's units (null: all). */
    public Mono<List<ChannelRanking>> rankings(String period, String jurisdiction) {
        return Flux.fromArray(Channel.values())
                .flatMapSequential(channel -> ranking(period, channel, jurisdiction)
                        .map(revision -> new ChannelRanking(channel, revision))
                        .onErrorResume(ApiFailure::isNotFound, missing -> Mono.just(new ChannelRanking(channel, null))))
                .collectList();
    }

    /** {@code GET /api/v1/policies}: every version of every channel's policy, by channel then version. */
    public Mono<List<Policy>> policies() {
        return api.get(uri -> uri.path("/api/v1/policies").build(), POLICIES);
    }

    /**
     * {@code POST /api/v1/rankings/{period}/what-if?channel=}: the month ranked under {@code policy} (a policy's JSON,
     * not stored), every place; an operator's. 400 names every bad field.
     */
    public Mono<RankingRevision> whatIf(String period, Channel channel, Map<String, Object> policy) {
        return api.post(
                uri -> uri.path("/api/v1/rankings/{period}/what-if")
                        .queryParam("channel", channel.name())
                        .build(period),
                policy,
                RankingRevision.class);
    }

    /** {@code PUT /api/v1/policies/{channel}}: {@code policy} stored as the channel's next version, answered. */
    public Mono<Policy> savePolicy(Channel channel, Map<String, Object> policy) {
        return api.put(uri -> uri.path("/api/v1/policies/{channel}").build(channel.name()), policy, Policy.class);
    }
}
