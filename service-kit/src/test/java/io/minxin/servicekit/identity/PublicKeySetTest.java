package io.minxin.servicekit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

/** The public keys as a rotation changes them: read again for an unknown key id, but not in a loop. */
class PublicKeySetTest {
    private static final Duration RELOAD = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private final MovingClock clock = new MovingClock();

    @Test
    void givenARotationThenATokenOfTheNewKeyIsVerifiedWithoutARestartAndTheOldKeyStillIs() throws Exception {
        ECKey old = key("old");
        Path file = write(old);
        PublicKeySet keys = new PublicKeySet(new FileSystemResource(file), RELOAD, clock);

        ECKey next = key("new");
        write(next, old);
        clock.advance(PublicKeySet.UNKNOWN_KEY_GAP);

        assertThat(kids(keys, next)).containsExactly("new");
        assertThat(kids(keys, old)).containsExactly("old");
    }

    @Test
    void givenUnknownKeyIdsInQuickSuccessionThenTheFileIsReadAtMostOncePerGap() throws Exception {
        ECKey old = key("old");
        Path file = write(old);
        PublicKeySet keys = new PublicKeySet(new FileSystemResource(file), RELOAD, clock);
        clock.advance(PublicKeySet.UNKNOWN_KEY_GAP);

        assertThat(kids(keys, key("made-up"))).isEmpty(); // read again: nothing new
        ECKey next = key("new");
        write(next, old);
        assertThat(kids(keys, next)).as("within the gap the file is not read").isEmpty();

        clock.advance(PublicKeySet.UNKNOWN_KEY_GAP);
        assertThat(kids(keys, next)).containsExactly("new");
    }

    @Test
    void givenARetiredKeyThenItStopsVerifyingAfterTheReloadInterval() throws Exception {
        ECKey old = key("old");
        ECKey next = key("new");
        Path file = write(next, old);
        PublicKeySet keys = new PublicKeySet(new FileSystemResource(file), RELOAD, clock);
        write(next);

        assertThat(kids(keys, old)).containsExactly("old");
        clock.advance(RELOAD);
        assertThat(kids(keys, old)).isEmpty();
    }

    @Test
    void givenAFileThatCannotBeReadAnyMoreThenTheKeysReadBeforeStay() throws Exception {
        ECKey old = key("old");
        Path file = write(old);
        PublicKeySet keys = new PublicKeySet(new FileSystemResource(file), RELOAD, clock);
        Files.writeString(file, "{not json");
        clock.advance(RELOAD);

        assertThat(kids(keys, old)).containsExactly("old");
    }

    @Test
    void givenPrivateKeysThenTheServiceDoesNotStart() throws Exception {
        Path file = dir.resolve("signing-keys.json");
        Files.writeString(file, new JWKSet(key("k")).toString(false));

        assertThatThrownBy(() -> new PublicKeySet(new FileSystemResource(file), RELOAD, clock))
                .hasMessageContaining("holds private keys");
    }

    @Test
    void givenNoFileThenTheServiceDoesNotStart() {
        assertThatThrownBy(() -> new PublicKeySet(new FileSystemResource(dir.resolve("absent.json")), RELOAD, clock))
                .hasMessageContaining("cannot read the identity token keys");
    }

    private List<String> kids(PublicKeySet keys, ECKey signer) throws JOSEException {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(signer.getKeyID())
                        .build(),
                new JWTClaimsSet.Builder().subject("k").build());
        return keys.keysFor(token).map(JWK::getKeyID).collectList().block(Duration.ofSeconds(5));
    }

    private Path write(ECKey... keys) throws IOException {
        Path file = dir.resolve("public-keys.json");
        List<JWK> publicKeys = List.of(keys).stream()
                .map(ECKey::toPublicJWK)
                .map(JWK.class::cast)
                .toList();
        Files.writeString(file, new JWKSet(publicKeys).toString());
        return file;
    }

    private static ECKey key(String id) throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyID(id).generate();
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
