package io.minxin.gateway.keys;

import java.util.Locale;

/**
 * The outcome of checking an {@code X-Api-Key} header: the key, or why there is none.
 *
 * @param key the stored key when the header authenticated, else null
 * @param failure why the header did not authenticate, else null
 */
public record Authentication(ApiKey key, Failure failure) {
    public enum Failure {
        MISSING,
        MALFORMED,
        UNKNOWN,
        BAD_SECRET,
        REVOKED,
        /** The key could not be checked: the store did not answer. Not the client's fault (503). */
        STORE_UNAVAILABLE;

        /** The metric tag, e.g. {@code bad_secret}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Authentication of(ApiKey key) {
        return new Authentication(key, null);
    }

    static Authentication failed(Failure failure) {
        return new Authentication(null, failure);
    }

    public boolean succeeded() {
        return key != null;
    }
}
