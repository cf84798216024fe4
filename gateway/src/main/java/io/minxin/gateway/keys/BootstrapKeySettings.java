package io.minxin.gateway.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minxin.gateway.bootstrap.*}: keys handed to the gateway by its environment (e.g.
 * {@code MINXIN_BOOTSTRAP_OPERATOR_KEY}), stored hashed at start. Empty means none. They are generated per
 * installation (run.sh does) and never committed.
 */
@ConfigurationProperties("minxin.gateway.bootstrap")
record BootstrapKeySettings(String operatorKey, String integrationKey, String dashboardKey) {}
