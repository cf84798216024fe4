package io.minxin.console;

import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the console reaches the APIs and which month it opens on.
 *
 * @param gatewayUrl the gateway the console calls {@code /api/v1/**} on, with the token of the person it serves
 *     (token relay); env {@code MINXIN_CONSOLE_GATEWAY_URL}
 * @param timeout how long one API call may take before the page shows an error state
 * @param defaultPeriod the month a page shows when none is asked for; empty: the month before the current one (the
 *     month whose bulletin is being written); {@code run.sh} sets its demo month
 */
@ConfigurationProperties("minxin.console")
public record ConsoleSettings(
        @DefaultValue("http://127.0.0.1:8080") URI gatewayUrl,
        @DefaultValue("10s") Duration timeout,
        YearMonth defaultPeriod) {

    public ConsoleSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("minxin.console.timeout must be positive");
        }
    }
}
