package io.minxin.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.identity.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ApiKeyServiceTest {
    private static final Instant NOW = Instant.parse("2020-09-30T08:00:00.123456Z");

    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final ApiKeyService keys = new ApiKeyService(
            store,
            new KeyCache(Duration.ofMinutes(1), 100, System::nanoTime),
            new SecureRandom(),
            Clock.fixed(NOW, ZoneOffset.UTC));

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
