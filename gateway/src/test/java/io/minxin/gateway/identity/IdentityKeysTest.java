package io.minxin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityKeysTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void generateWritesAPrivateSetOnlyItsOwnerReadsAndTheSamePublicKeys() throws IOException {
        int exit = run("generate", dir.resolve("identity").toString());

        Path identity = dir.resolve("identity");
        JWKSet signing = IdentityKeys.read(identity.resolve(IdentityKeys.SIGNING_FILE));
        JWKSet published = IdentityKeys.read(identity.resolve(IdentityKeys.PUBLIC_FILE));
        assertThat(exit).isZero();
        assertThat(Files.getPosixFilePermissions(identity.resolve(IdentityKeys.SIGNING_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(signing.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.isPrivate()).isTrue();
            assertThat(key.getAlgorithm().getName()).isEqualTo("ES256");
        });
        assertThat(published.containsNonPublicKeys()).isFalse();
        assertThat(Files.readString(identity.resolve(IdentityKeys.PUBLIC_FILE))).doesNotContain("\"d\"");
        assertThat(published.getKeys().get(0))
                .isEqualTo(signing.getKeys().get(0).toPublicJWK());
        assertThat(output()).contains(signing.getKeys().get(0).getKeyID()).doesNotContain("\"d\"");
    }

    @Test
    void generateKeepsTheKeysThereAre() throws IOException {
        IdentityKeys.generate(dir);
        String before = Files.readString(dir.resolve(IdentityKeys.SIGNING_FILE));

        int exit = run("generate", dir.toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(dir.resolve(IdentityKeys.SIGNING_FILE))).isEqualTo(before);
    }

    @Test
    void rotatePutsANewKeyFirstAndRetireDropsTheOthers() throws IOException {
        IdentityKeys.generate(dir);
        String old = ids(IdentityKeys.SIGNING_FILE).get(0);

        assertThat(run("rotate", dir.toString())).isZero();
        List<String> rotated = ids(IdentityKeys.SIGNING_FILE);
        assertThat(rotated).hasSize(2).doesNotHaveDuplicates().endsWith(old);
        assertThat(ids(IdentityKeys.PUBLIC_FILE)).isEqualTo(rotated);

        assertThat(run("retire", dir.toString())).isZero();
        assertThat(ids(IdentityKeys.SIGNING_FILE)).containsExactly(rotated.get(0));
        assertThat(ids(IdentityKeys.PUBLIC_FILE)).containsExactly(rotated.get(0));
        assertThat(Files.getPosixFilePermissions(dir.resolve(IdentityKeys.SIGNING_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void rotateWithoutKeysFails() {
        assertThat(run("rotate", dir.toString())).isEqualTo(IdentityKeys.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("run generate first");
    }

    @Test
    void unknownCommandIsAWrongArgument() {
        assertThat(run("delete", dir.toString())).isEqualTo(IdentityKeys.WRONG_ARGUMENTS);
        assertThat(IdentityKeys.run(new String[0], new PrintStream(out), new PrintStream(err)))
                .isEqualTo(IdentityKeys.WRONG_ARGUMENTS);
    }

    @Test
    void publicKeysCannotSign() throws IOException {
        IdentityKeys.generate(dir);

        assertThatThrownBy(() -> SigningKeys.load(dir.resolve(IdentityKeys.PUBLIC_FILE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be a private EC P-256 key");
    }

    private int run(String... args) {
        return IdentityKeys.run(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> ids(String file) throws IOException {
        return IdentityKeys.read(dir.resolve(file)).getKeys().stream()
                .map(JWK::getKeyID)
                .toList();
    }
}
