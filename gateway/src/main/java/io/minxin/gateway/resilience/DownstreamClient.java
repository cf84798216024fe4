package io.minxin.gateway.resilience;

import io.netty.channel.ChannelOption;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connect timeout is set once on the gateway's HTTP client. Set as a route's {@code connect-timeout} metadata
 * or as {@code httpclient.connect-timeout}, Spring Cloud Gateway copies the client's whole configuration for every
 * proxied request to apply it (NettyRoutingFilter.getHttpClient); the response timeout stays per route.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownstreamTimeouts.class)
class DownstreamClient {
    @Bean
    HttpClientCustomizer downstreamConnectTimeout(DownstreamTimeouts timeouts) {
        return client -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeouts.connectMs());
    }
}
