package io.minxin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityTokensTest {
    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final AtomicInteger signed = new AtomicInteger();
    private SigningKeys keys;
    private IdentityTokens tokens;

    @BeforeEach
    void keys() throws IOException {
        IdentityKeys.generate(dir);
        keys = SigningKeys.load(dir.resolve(IdentityKeys.SIGNING_FILE));
        tokens = new IdentityTokens(keys, Duration.ofSeconds(60), clock, signed::incrementAndGet);
    }

    @Test
    void tokenCarriesTheCallerSignedForTheTargetServiceOnly() {
        String token = tokens.mint("k1a2", Role.DASHBOARD, Scope.unit("U0042"), "ranking-service");

        Map<String, Object> seen = TestSigningKeys.decode(token, publicKeys());
        assertThat(seen)
                .containsEntry("verified", true)
                .containsEntry("alg", "ES256")
                .containsEntry("kid", keys.current().keyId())
                .containsEntry("iss", "minxin-gateway")
                .containsEntry("sub", "k1a2")
                .containsEntry("aud", List.of("ranking-service"))
                .containsEntry("iat", START.getEpochSecond())
                .containsEntry("exp", START.getEpochSecond() + 60)
                .containsEntry("minxin_role", "dashboard")
                .containsEntry("minxin_scope", "unit:U0042");
    }

    @Test
    void tokenIsReusedForHalfItsTimeToLiveThenSignedAgain() {
        String first = tokens.mint("k1a2", Role.OPERATOR, Scope.ALL, "notice-service");

        clock.advance(Duration.ofSeconds(29));
        String withinHalf = tokens.mint("k1a2", Role.OPERATOR, Scope.ALL, "notice-service");
        clock.advance(Duration.ofSeconds(1));
        String afterHalf = tokens.mint("k1a2", Role.OPERATOR, Scope.ALL, "notice-service");

        assertThat(withinHalf).isEqualTo(first);
        assertThat(afterHalf).isNotEqualTo(first);
        assertThat(TestSigningKeys.decode(afterHalf, publicKeys())).containsEntry("iat", START.getEpochSecond() + 30);
        assertThat(signed).hasValue(2);
    }

    @Test
    void anotherKeyRoleScopeOrServiceGetsATokenOfItsOwn() {
        String token = tokens.mint("k1a2", Role.DASHBOARD, Scope.ALL, "metrics-service");

        assertThat(List.of(
                        tokens.mint("k9z8", Role.DASHBOARD, Scope.ALL, "metrics-service"),
                        tokens.mint("k1a2", Role.OPERATOR, Scope.ALL, "metrics-service"),
                        tokens.mint("k1a2", Role.DASHBOARD, Scope.unit("U1"), "metrics-service"),
                        tokens.mint("k1a2", Role.DASHBOARD, Scope.ALL, "ranking-service")))
                .doesNotContain(token)
                .doesNotHaveDuplicates();
        assertThat(signed).hasValue(5);
    }

    @Test
    void afterARotationTheNewKeySignsAndTokensOfTheOldOneStillVerify() throws IOException {
        String oldKey = keys.current().keyId();
        String before = tokens.mint("k1a2", Role.OPERATOR, Scope.ALL, "ranking-service");

        IdentityKeys.rotate(dir);
        boolean changed = keys.reloadIfChanged();
        String after = tokens.mint("k1a2", Role.OPERATOR, Scope.ALL, "ranking-service");

        assertThat(changed).isTrue();
        assertThat(keys.current().keyId()).isNotEqualTo(oldKey);
        JWKSet duringRotation = publicKeys();
        assertThat(duringRotation.getKeys()).hasSize(2);
        assertThat(TestSigningKeys.decode(after, duringRotation))
                .containsEntry("kid", keys.current().keyId())
                .containsEntry("verified", true);
        assertThat(TestSigningKeys.decode(before, duringRotation))
                .containsEntry("kid", oldKey)
                .containsEntry("verified", true);
    }

    @Test
    void afterTheOldKeyIsRetiredItsTokensNoLongerVerify() throws IOException {
        String before = tokens.mint("k1a2", Role.OPERATOR, Scope.ALL, "ranking-service");
        IdentityKeys.rotate(dir);
        keys.reloadIfChanged();

        IdentityKeys.retire(dir);
        boolean changed = keys.reloadIfChanged();

        assertThat(changed).isFalse();
        assertThat(publicKeys().getKeys()).hasSize(1);
        assertThat(TestSigningKeys.decode(before, publicKeys())).containsEntry("verified", false);
        assertThat(TestSigningKeys.decode(
                        tokens.mint("k1a2", Role.OPERATOR, Scope.ALL, "ranking-service"), publicKeys()))
                .containsEntry("verified", true);
    }

    @Test
    void unchangedFileIsNotReadAgain() {
        assertThat(keys.reloadIfChanged()).isFalse();
    }

    @Test
    void fileSpoiledAfterStartKeepsTheKeyInUse() throws IOException {
        String inUse = keys.current().keyId();

        Files.writeString(dir.resolve(IdentityKeys.SIGNING_FILE), "{\"keys\": [");
        boolean changed = keys.reloadIfChanged();

        assertThat(changed).isFalse();
        assertThat(keys.current().keyId()).isEqualTo(inUse);
        assertThat(TestSigningKeys.decode(
                        tokens.mint("k1a2", Role.OPERATOR, Scope.ALL, "intake-service"), publicKeys()))
                .containsEntry("verified", true);
    }

    private JWKSet publicKeys() {
        return TestSigningKeys.publicKeys(dir);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
