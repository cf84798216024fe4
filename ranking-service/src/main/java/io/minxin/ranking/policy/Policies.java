package io.minxin.ranking.policy;

import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.identity.Caller;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.mongo.MongoJson;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.problem.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * The policies of the service: the version effective for a period, new versions from operators, and the
 * configured defaults as version 1 of a channel that has no stored version. The platform's policies rank the
 * platform; a jurisdiction may have versions of its own, numbered and effective-dated on their own, which rank its
 * units when its ranking is asked for, the platform's ranking it otherwise.
 */
@Service
@EnableConfigurationProperties(PolicyDefaults.class)
public class Policies {
    private static final Logger log = LoggerFactory.getLogger(Policies.class);

    private final PolicyStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<Channel, RankingPolicy> defaults = new EnumMap<>(Channel.class);

    Policies(PolicyStore store, PolicyDefaults configured, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        configured.policies().forEach((channel, policy) -> defaults.put(channel, asDefault(channel, policy)));
    }

    /** Changes with every policy write through this instance: a view keyed by it is never older than a write. */
    public long writes() {
        return store.writes();
    }

    /**
     * The platform's version that ranks {@code period}: the newest version whose effectiveFrom is not after the
     * period. A new version thus replaces the older ones from its effectiveFrom on.
     */
    public Mono<RankingPolicy> effective(Channel channel, String period) {
        return inForce(versions(channel), period)
                .switchIfEmpty(Mono.error(() ->
                        ProblemException.notFound("no ranking policy of " + channel + " is effective in " + period)));
    }

    /**
     * The version that ranks {@code period} for {@code jurisdiction} (null: the platform): the jurisdiction's own
     * version in force then, else the platform's ({@link #effective(Channel, String)}). The answer's id says whose
     * it is ({@link RankingPolicy#idFor(Channel, String)}).
     */
    public Mono<RankingPolicy> effective(String jurisdiction, Channel channel, String period) {
        if (jurisdiction == null) {
            return effective(channel, period);
        }
        return own(jurisdiction, channel, period, null).switchIfEmpty(Mono.defer(() -> effective(channel, period)));
    }

    /**
     * The jurisdiction's own version in force for {@code period} among the versions stored by {@code storedBy} (null:
     * every version stored so far); empty when it has none, so that its ranking is the platform's. A frozen revision
     * is viewed under the version stored before it was frozen: a version stored later never changes that view.
     */
    public Mono<RankingPolicy> own(String jurisdiction, Channel channel, String period, Instant storedBy) {
        return inForce(
                store.versions(jurisdiction, channel)
                        .filter(policy -> storedBy == null
                                || policy.createdAt() == null
                                || !policy.createdAt().isAfter(storedBy)),
                period);
    }

    /** The newest of {@code versions} whose effectiveFrom is not after {@code period}; empty when none is. */
    private static Mono<RankingPolicy> inForce(Flux<RankingPolicy> versions, String period) {
        return versions.filter(policy -> policy.effectiveFrom().compareTo(period) <= 0)
                .reduce((older, newer) -> newer.version() > older.version() ? newer : older);
    }

    /** A version of the platform's policy, e.g. the one a closed revision was made with. */
    public Mono<RankingPolicy> version(Channel channel, int version) {
        return versions(channel)
                .filter(policy -> policy.version() == version)
                .next()
                .switchIfEmpty(Mono.error(() ->
                        ProblemException.notFound("policy " + channel + " version " + version + " does not exist")));
    }

    /** Every version of the platform's policy of a channel, oldest first; the configured default while none is stored. */
    Flux<RankingPolicy> versions(Channel channel) {
        return store.versions(channel).switchIfEmpty(Mono.justOrEmpty(defaults.get(channel)));
    }

    /** Every version of a channel owned by {@code jurisdiction} (null: the platform's), oldest first. */
    Flux<RankingPolicy> versions(String jurisdiction, Channel channel) {
        return jurisdiction == null ? versions(channel) : store.versions(jurisdiction, channel);
    }

    /** {@link #replace(String, Channel, JsonNode, Caller)} of the platform's policy. */
    public Mono<RankingPolicy> replace(Channel channel, JsonNode body, Caller operator) {
        return replace(null, channel, body, operator);
    }

    /**
     * Validates {@code body} and stores it as the next version of the policy of {@code channel} owned by
     * {@code jurisdiction} (null: the platform, whose versions a jurisdiction's never number or replace); the change
     * (the fields that differ from the previous version, both versions) is audited, its target the policy id that
     * names the jurisdiction, before the stored version is answered. Who may store it is the caller's to check.
     */
    public Mono<RankingPolicy> replace(String jurisdiction, Channel channel, JsonNode body, Caller operator) {
        PolicyReader.Result read = PolicyReader.read(body, channel, jurisdiction, PolicyReader.Purpose.STORE);
        if (!read.valid()) {
            return Mono.error(ProblemException.invalid("ranking policy", read.violations()));
        }
        String owner =
                jurisdiction == null ? "the " + channel + " policy" : "the " + channel + " policy of " + jurisdiction;
        return (jurisdiction == null ? storeDefault(channel) : Mono.<Void>empty())
                .then(store.versions(jurisdiction, channel)
                        .reduce((older, newer) -> newer.version() > older.version() ? newer : older)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty()))
                .flatMap(previous -> store.insert(
                                jurisdiction,
                                read.policy()
                                        .asVersion(
                                                channel,
                                                jurisdiction,
                                                previous.map(RankingPolicy::version)
                                                                .orElse(0)
                                                        + 1,
                                                clock.instant()))
                        .onErrorMap(
                                MongoJson::isDuplicateKey,
                                error -> ProblemException.conflict(
                                        "another version of " + owner + " was stored at the same time; retry"))
                        .flatMap(stored -> {
                            PolicyAudits.PolicyChanged change =
                                    PolicyAudits.changed(previous.orElse(null), stored, jurisdiction);
                            return audit.recordLater(
                                            operator,
                                            AuditAction.POLICY_CHANGE,
                                            AuditTargets.policy(stored.id()),
                                            change,
                                            PolicyAudits.summary(change))
                                    .thenReturn(stored);
                        }));
    }

    /** Keeps version 1 of every channel in the store, retrying until MongoDB answers. */
    @EventListener(ApplicationReadyEvent.class)
    void storeDefaults() {
        Flux.fromIterable(defaults.keySet())
                .concatMap(this::storeDefault)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1)))
                .subscribe();
    }

    private Mono<Void> storeDefault(Channel channel) {
        RankingPolicy configured = defaults.get(channel);
        if (configured == null) {
            return Mono.empty();
        }
        return store.versions(channel)
                .hasElements()
                .flatMap(stored -> stored
                        ? Mono.<Void>empty()
                        : store.insert(null, configured.asVersion(channel, 1, clock.instant()))
                                .doOnNext(policy -> log.info("Stored the default {} policy as version 1", channel))
                                // Another instance stored it first: the wanted state.
                                .onErrorResume(MongoJson::isDuplicateKey, error -> Mono.empty())
                                .then());
    }

    /** A configured default passes the same validation as a policy sent by an operator, or the service stops. */
    static RankingPolicy asDefault(Channel channel, RankingPolicy configured) {
        JsonNode node = EventJson.mapper().valueToTree(configured);
        PolicyReader.Result read = PolicyReader.read(node, channel, PolicyReader.Purpose.STORE);
        if (!read.valid()) {
            throw new IllegalStateException("minxin.ranking.policies." + channel + " is invalid: " + read.violations());
        }
        return read.policy().asVersion(channel, 1, null);
    }
}
