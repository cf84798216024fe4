package io.minxin.gateway.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minxin.bootstrap.*}: keys handed to the gateway by its environment (e.g.
 * {@code MINXIN_BOOTSTRAP_OPERATOR_KEY}), stored hashed at start. Empty means none. They are generated per
 * installation (run.sh does) and never committed.
 *
 * @param operatorKey an operator's key ({@code mx_<id>_<secret>}) installed at start
 * @param integrationKey a platform integration's key installed at start
 * @param dashboardKey a dashboard's key installed at start
 */
@ConfigurationProperties("minxin.bootstrap")
record BootstrapKeySettings(String operatorKey, String integrationKey, String dashboardKey) {}
