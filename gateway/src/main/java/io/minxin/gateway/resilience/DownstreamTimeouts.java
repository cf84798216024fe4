package io.minxin.gateway.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long the gateway tries to connect to a downstream; the response timeouts are route metadata. */
@ConfigurationProperties("minxin.gateway.timeouts")
record DownstreamTimeouts(int connectMs) {}
