package io.minxin.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.minxin.events.audit.AuditEntry;
import io.minxin.events.identity.ApiKeyChange;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class ApiKeyServiceTest {
    private static final Instant NOW = Instant.parse("2020-09-30T08:00:00.123456Z");

    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final KeyCache cache = new KeyCache(Duration.ofMinutes(1), 100, System::nanoTime);
    private final ApiKeyService keys =
            new ApiKeyService(store, cache, new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void createdKeyAuthenticatesAndIsStoredOnlyAsHash() {
        IssuedKey issued = keys.create("platform", Set.of(Role.INTEGRATION)).block();

        Authentication authentication = keys.authenticate(issued.value()).block();

        assertThat(authentication.succeeded()).isTrue();
        assertThat(authentication.key().roles()).containsExactly(Role.INTEGRATION);
        ApiKey stored = store.findById(issued.stored().id()).block();
        assertThat(stored.hash())
                .isEqualTo(KeyToken.parse(issued.value()).orElseThrow().hash());
        assertThat(stored.toString())
                .doesNotContain(KeyToken.parse(issued.value()).orElseThrow().secret());
        assertThat(stored.createdAt()).isEqualTo(Instant.parse("2020-09-30T08:00:00.123Z"));
    }

    @Test
    void headerOutcomesNameWhatWasWrong() {
        IssuedKey issued = keys.create("dash", Set.of(Role.DASHBOARD)).block();
        KeyToken token = KeyToken.parse(issued.value()).orElseThrow();
        String wrongSecret = new KeyToken(token.id(), "x".repeat(43)).value();
        String unknownId = new KeyToken("ffffffffffffffff", token.secret()).value();

        assertThat(failure(null)).isEqualTo(Authentication.Failure.MISSING);
        assertThat(failure(" ")).isEqualTo(Authentication.Failure.MISSING);
        assertThat(failure("Bearer abc")).isEqualTo(Authentication.Failure.MALFORMED);
        assertThat(failure(unknownId)).isEqualTo(Authentication.Failure.UNKNOWN);
        assertThat(failure(wrongSecret)).isEqualTo(Authentication.Failure.BAD_SECRET);
    }

    @Test
    void revokedKeyStopsWorkingAtOnceDespiteTheCache() {
        IssuedKey issued = keys.create("dash", Set.of(Role.DASHBOARD)).block();
        assertThat(keys.authenticate(issued.value()).block().succeeded()).isTrue();

        ApiKey revoked = keys.revoke(issued.stored().id()).block();

        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(failure(issued.value())).isEqualTo(Authentication.Failure.REVOKED);
    }

    @Test
    void whatFollowsARevocationAlreadyFindsTheKeyRevoked() {
        IssuedKey issued = keys.create("dash", Set.of(Role.DASHBOARD)).block();
        assertThat(keys.authenticate(issued.value()).block().succeeded()).isTrue();

        // what a client does on the 204: the next request, chained to the revocation's completion
        Authentication next = keys.revoke(issued.stored().id())
                .then(Mono.defer(() -> keys.authenticate(issued.value())))
                .block();

        assertThat(next.failure()).isEqualTo(Authentication.Failure.REVOKED);
    }

    @Test
    void revokingAnUnknownKeyFindsNothing() {
        assertThat(keys.revoke("0000000000000000").blockOptional()).isEmpty();
    }

    @Test
    void bootstrapKeyUpdatesRolesButStaysRevoked() {
        KeyToken token = KeyToken.generate(new SecureRandom());
        keys.bootstrap(token, "bootstrap-operator", Set.of(Role.OPERATOR)).block();
        keys.revoke(token.id()).block();

        ApiKey again = keys.bootstrap(token, "bootstrap-operator", Set.of(Role.OPERATOR, Role.DASHBOARD))
                .block();

        assertThat(again.revoked()).isTrue();
        assertThat(again.roles()).containsExactly(Role.DASHBOARD, Role.OPERATOR);
        assertThat(failure(token.value())).isEqualTo(Authentication.Failure.REVOKED);
    }

    @Test
    void storeOutageIsAnOutcomeNotAnError() {
        ApiKeyService broken = new ApiKeyService(
                new FailingStore(),
                new KeyCache(Duration.ofMinutes(1), 100, System::nanoTime),
                new SecureRandom(),
                Clock.systemUTC());

        Authentication authentication = broken.authenticate(
                        KeyToken.generate(new SecureRandom()).value())
                .block();

        assertThat(authentication.failure()).isEqualTo(Authentication.Failure.STORE_UNAVAILABLE);
    }

    @Test
    void keyWithoutRolesIsRefused() {
        assertThat(keys.create("none", Set.of())
                        .onErrorResume(e -> Mono.empty())
                        .blockOptional())
                .isEmpty();
    }

    @Test
    void givenAnOperatorWhenIssuingAndRevokingThenEachChangeIsAnnouncedWithItsAuditEntry() {
        List<ApiKeyChange> changes = new ArrayList<>();
        List<AuditEntry> audits = new ArrayList<>();
        ApiKeyService announcing = announcing((change, audit) -> Mono.fromRunnable(() -> {
            changes.add(change);
            audits.add(audit);
        }));
        Caller operator = new Caller("0perat0r", Role.OPERATOR, Scope.ALL);

        IssuedKey issued = announcing
                .create("unit wall", Set.of(Role.DASHBOARD), Scope.unit("U0042"), operator)
                .block();
        announcing.revoke(issued.stored().id(), operator).block();

        assertThat(changes)
                .extracting(ApiKeyChange::keyId, ApiKeyChange::change)
                .containsExactly(
                        tuple(issued.stored().id(), ApiKeyChange.Change.ISSUED),
                        tuple(issued.stored().id(), ApiKeyChange.Change.REVOKED));
        assertThat(audits).extracting(AuditEntry::action).containsExactly("key.issue", "key.revoke");
        assertThat(audits).allSatisfy(audit -> {
            assertThat(audit.actorKeyId()).isEqualTo("0perat0r");
            assertThat(audit.target()).isEqualTo("key:" + issued.stored().id());
            assertThat(audit.change().get("scope").asString()).isEqualTo("unit:U0042");
            assertThat(new String(audit.toBytes(), StandardCharsets.UTF_8))
                    .doesNotContain(
                            KeyToken.parse(issued.value()).orElseThrow().secret(),
                            issued.stored().hash());
        });
    }

    @Test
    void givenTheStoreAnswersOnANonBlockingThreadWhenAnOperatorRevokesThenTheAuditEntryIsMadeWithoutBlockingIt() {
        ApiKeyService announcing = announcing((change, audit) -> Mono.empty());
        IssuedKey issued = keys.create("dash", Set.of(Role.DASHBOARD)).block();

        // BlockHound (installed for every test) fails a read of /dev/urandom on the parallel scheduler
        ApiKey revoked = Mono.defer(
                        () -> announcing.revoke(issued.stored().id(), new Caller("0perat0r", Role.OPERATOR, Scope.ALL)))
                .subscribeOn(Schedulers.parallel())
                .block(Duration.ofSeconds(10));

        assertThat(revoked.revoked()).isTrue();
    }

    @Test
    void givenKafkaDownWhenRevokingThenTheKeyIsRevokedAndTheFailureSaysItWasNotAnnounced() {
        ApiKeyService unannounced = announcing((change, audit) ->
                Mono.error(new KeyEvents.NotAnnouncedException(change, new IllegalStateException("no broker"))));
        IssuedKey issued = keys.create("dash", Set.of(Role.DASHBOARD)).block();

        assertThat(unannounced
                        .revoke(issued.stored().id(), new Caller("0perat0r", Role.OPERATOR, Scope.ALL))
                        .onErrorResume(KeyEvents.NotAnnouncedException.class, e -> Mono.empty())
                        .blockOptional())
                .isEmpty();

        assertThat(store.findById(issued.stored().id()).block().revoked()).isTrue();
        assertThat(failure(issued.value())).isEqualTo(Authentication.Failure.REVOKED);
    }

    @Test
    void givenAnOperatorRoleWhenIssuingWithAUnitScopeThenTheKeyIsRefusedAndNotStored() {
        assertThat(keys.create("district operator", Set.of(Role.OPERATOR), Scope.unit("U0042"))
                        .onErrorResume(IllegalArgumentException.class, e -> Mono.empty())
                        .blockOptional())
                .isEmpty();
        assertThat(store.findAll().collectList().block()).isEmpty();
    }

    @Test
    void givenADashboardRoleWhenIssuingWithAUnitScopeThenTheKeyAuthenticatesWithIt() {
        IssuedKey issued = keys.create("unit wall", Set.of(Role.DASHBOARD), Scope.unit("U0042"))
                .block();

        assertThat(keys.authenticate(issued.value()).block().key().scope()).isEqualTo(Scope.unit("U0042"));
    }

    /** A service on the same store (and cache) as {@link #keys}, announcing to {@code events}. */
    private ApiKeyService announcing(KeyEvents events) {
        return new ApiKeyService(store, cache, new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC), events);
    }

    private Authentication.Failure failure(String header) {
        return keys.authenticate(header).block().failure();
    }

    private static final class FailingStore implements ApiKeyStore {
        @Override
        public Mono<Void> insert(ApiKey key) {
            return Mono.error(new IllegalStateException("down"));
        }

        @Override
        public Mono<ApiKey> findById(String id) {
            return Mono.error(new IllegalStateException("down"));
        }

        @Override
        public Flux<ApiKey> findAll() {
            return Flux.error(new IllegalStateException("down"));
        }

        @Override
        public Mono<ApiKey> revoke(String id, Instant at) {
            return Mono.error(new IllegalStateException("down"));
        }

        @Override
        public Mono<ApiKey> upsertBootstrap(ApiKey key) {
            return Mono.error(new IllegalStateException("down"));
        }
    }
}
