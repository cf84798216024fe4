package io.minxin.gateway.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code minxin.gateway.accounts.*}: people who sign in to the console.
 *
 * @param lockAfter consecutive failed sign-ins that lock an account
 * @param lockFor how long a locked account refuses every sign-in, the right password included
 * @param minimumPasswordLength the shortest password a person may choose
 * @param sessionTimeout how long a console session lasts without a request
 * @param secureCookie send the session cookie over HTTPS only: on wherever the gateway is reached by HTTPS (off for
 *     the loopback of {@code ./run.sh})
 * @param bootstrapOperatorPassword the password of account {@code operator}, created at the first start when no
 *     such account exists (run.sh generates it into {@code data/keys.env}); never replaces a password once set.
 *     Empty: no account is created
 */
@ConfigurationProperties("minxin.gateway.accounts")
record AccountSettings(
        @DefaultValue("5") int lockAfter,
        @DefaultValue("15m") Duration lockFor,
        @DefaultValue("12") int minimumPasswordLength,
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue("false") boolean secureCookie,
        String bootstrapOperatorPassword) {
    AccountSettings {
        if (lockAfter < 1) {
            throw new IllegalArgumentException("minxin.gateway.accounts.lock-after must be 1 or more");
        }
        if (minimumPasswordLength < 8) {
            throw new IllegalArgumentException("minxin.gateway.accounts.minimum-password-length must be 8 or more");
        }
    }
}
