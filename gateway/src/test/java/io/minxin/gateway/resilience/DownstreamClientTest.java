package io.minxin.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

class DownstreamClientTest {
    @Test
    void theGatewaysHttpClientConnectsWithTheConfiguredTimeout() {
        // given
        DownstreamTimeouts timeouts = new DownstreamTimeouts(1234);

        // when
        HttpClient client =
                new DownstreamClient().downstreamConnectTimeout(timeouts).customize(HttpClient.create());

        // then
        assertThat(client.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS))
                .isEqualTo(1234);
    }
}
