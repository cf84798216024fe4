package io.minxin.gateway.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway tries to connect to a downstream; the response timeouts are route metadata.
 *
 * @param connectMs milliseconds to connect to a service before the call is answered 503
 */
@ConfigurationProperties("minxin.gateway.timeouts")
record DownstreamTimeouts(@DefaultValue("2000") int connectMs) {}
