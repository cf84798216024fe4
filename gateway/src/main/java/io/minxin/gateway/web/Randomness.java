package io.minxin.gateway.web;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Randomness made on the event loops (signatures, passwords, CSRF tokens, salts): the platform default on Linux
 * reads {@code /dev/urandom} each time, a file read on the loop; a DRBG (NIST SP 800-90A) is seeded once, when made
 * here, and then generates in memory.
 */
public final class Randomness {
    private Randomness() {}

    public static SecureRandom drbg() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            // a DRBG seeds itself at its first use: make that now, not on a loop
            random.nextBytes(new byte[1]);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no DRBG SecureRandom in this Java runtime", e);
        }
    }
}
