package io.minxin.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KeyTokenProperties {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Property(tries = 200)
    void generatedKeyParsesBackAndMatchesItsHash(@ForAll long seed) throws NoSuchAlgorithmException {
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(seed);
        KeyToken token = KeyToken.generate(seeded);

        KeyToken parsed = KeyToken.parse(token.value()).orElseThrow();

        assertThat(parsed).isEqualTo(token);
        assertThat(parsed.matches(token.hash())).isTrue();
        assertThat(token.value()).startsWith("mx_" + token.id() + "_");
    }

    @Property(tries = 200)
    void anyOtherSecretForTheSameIdDoesNotMatch(@ForAll("secrets") String otherSecret) {
        KeyToken token = KeyToken.generate(RANDOM);
        KeyToken forged = new KeyToken(token.id(), otherSecret);

        assertThat(forged.matches(token.hash())).isEqualTo(otherSecret.equals(token.secret()));
    }

    @Property(tries = 300)
    void textWithoutTheKeyShapeIsNotAKey(@ForAll("notKeys") String text) {
        assertThat(KeyToken.parse(text)).isEmpty();
    }

    @Example
    void hashIsHexSha256OfTheWholeKey() {
        KeyToken token = new KeyToken("abcd", "0123456789abcdef0123456789abcdef");

        assertThat(token.hash())
                .hasSize(64)
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(new KeyToken("abce", token.secret()).hash());
    }

    @Example
    void aStoredHashThatIsNotHexNeverMatches() {
        KeyToken token = KeyToken.generate(RANDOM);

        assertThat(token.matches("not-hex")).isFalse();
        assertThat(token.matches("")).isFalse();
    }

    @Example
    void toStringHidesTheSecret() {
        KeyToken token = KeyToken.generate(RANDOM);

        assertThat(token.toString()).contains(token.id()).doesNotContain(token.secret());
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
                .ofMinLength(32)
                .ofMaxLength(64);
    }

    @Provide
    Arbitrary<String> notKeys() {
        Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(80);
        Arbitrary<String> shortSecret =
                Arbitraries.strings().alpha().ofMinLength(0).ofMaxLength(31).map(secret -> "mx_abcd_" + secret);
        Arbitrary<String> upperCaseId = Arbitraries.strings()
                .withCharRange('A', 'Z')
                .ofMinLength(4)
                .ofMaxLength(32)
                .map(id -> "mx_" + id + "_0123456789abcdef0123456789abcdef");
        Arbitrary<String> wrongPrefix =
                Arbitraries.of("MX_", "mk_", "mx-", "").map(prefix -> prefix + "abcd_0123456789abcdef0123456789abcdef");
        return Arbitraries.oneOf(anyText, shortSecret, upperCaseId, wrongPrefix);
    }
}
