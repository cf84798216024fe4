package io.minxin.gateway.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key as presented by a client: {@code mx_<id>_<secret>}. The id is public (logged, passed downstream,
 * used to look the key up); only the secret authenticates.
 *
 * <p>Stored is the SHA-256 of the whole key, never the key. A plain fast hash is enough here, unlike for
 * passwords: a generated secret carries 256 random bits, so guessing it from the hash is infeasible at any hash
 * speed, and a deliberately slow hash (bcrypt, Argon2) would only add its cost to every API request.
 */
public record KeyToken(String id, String secret) {
    private static final String PREFIX = "mx_";
    private static final Pattern FORMAT = Pattern.compile("mx_([a-z0-9]{4,32})_([A-Za-z0-9_-]{32,128})");
    private static final int ID_BYTES = 8;
    private static final int SECRET_BYTES = 32;

    public KeyToken {
        if (!FORMAT.matcher(PREFIX + id + "_" + secret).matches()) {
            throw new IllegalArgumentException(
                    "an API key is mx_<id>_<secret>: id of 4-32 [a-z0-9], secret of 32-128 [A-Za-z0-9_-]");
        }
    }

    /** A new key from {@code random}: a 16 hex digit id and a base64url secret of 256 bits. */
    public static KeyToken generate(SecureRandom random) {
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new KeyToken(
                HexFormat.of().formatHex(id),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key of a header value, or empty when it does not have the key format. */
    public static Optional<KeyToken> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(value.strip());
        return matcher.matches() ? Optional.of(new KeyToken(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** The full key, shown to its owner once at creation. */
    public String value() {
        return PREFIX + id + "_" + secret;
    }

    /** Lower-case hex SHA-256 of {@link #value()}: what the key store keeps. */
    public String hash() {
        return HexFormat.of().formatHex(sha256(value()));
    }

    /** Whether this key has the stored hash, compared in constant time so timing reveals nothing of it. */
    public boolean matches(String storedHash) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(value()));
    }

    @Override
    public String toString() {
        return "KeyToken[id=" + id + ", secret=***]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
