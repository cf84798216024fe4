package io.minxin.notice.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.resolver.AddressResolver;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook client's resolver hands the connect permitted addresses only, whatever DNS answers at the time. */
class GuardedAddressResolverGroupTest {
    private final EventExecutor executor = new DefaultEventExecutor();
    private final StaticNames names = new StaticNames();

    @AfterEach
    void stop() {
        executor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void aNameThatNowResolvesToADeniedAddressIsRefusedAtConnectTime() throws Exception {
        AddressResolver<InetSocketAddress> resolver = resolver(WebhookAddresses.publicOnly());
        InetSocketAddress hook = InetSocketAddress.createUnresolved("hook.example.test", 443);

        names.answer("hook.example.test", "93.184.215.14");
        assertThat(resolved(resolver.resolveAll(hook)))
                .extracting(address -> address.getAddress().getHostAddress())
                .containsExactly("93.184.215.14");

        // the same name, rebound to the cloud metadata address between two deliveries
        names.answer("hook.example.test", "169.254.169.254");
        Future<List<InetSocketAddress>> rebound = resolver.resolveAll(hook).await();
        assertThat(rebound.cause())
                .isInstanceOf(WebhookAddressRefusedException.class)
                .hasMessageStartingWith("hook.example.test (169.254.169.254) is loopback, private, link-local");
        Future<InetSocketAddress> one = resolver.resolve(hook).await();
        assertThat(one.cause()).isInstanceOf(WebhookAddressRefusedException.class);
    }

    @Test
    void onlyThePermittedAddressesOfAnAnswerAreConnectedTo() throws Exception {
        AddressResolver<InetSocketAddress> resolver = resolver(WebhookAddresses.publicOnly());
        names.answer("mixed.example.test", "127.0.0.1", "93.184.215.14", "::1");

        assertThat(resolved(resolver.resolveAll(InetSocketAddress.createUnresolved("mixed.example.test", 80))))
                .extracting(address -> address.getAddress().getHostAddress())
                .containsExactly("93.184.215.14");
    }

    @Test
    void anAddressThatComesResolvedIsCheckedToo() throws Exception {
        AddressResolver<InetSocketAddress> resolver = resolver(WebhookAddresses.publicOnly());
        InetSocketAddress literal = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8083);

        assertThat(resolver.isResolved(literal)).isFalse();
        assertThat(resolver.resolveAll(literal).await().cause())
                .isInstanceOf(WebhookAddressRefusedException.class)
                .hasMessageStartingWith("127.0.0.1 is loopback");
        assertThat(resolver.resolveAll(new InetSocketAddress(InetAddress.getByName("::ffff:10.0.0.1"), 80))
                        .await()
                        .cause())
                .isInstanceOf(WebhookAddressRefusedException.class);
    }

    @Test
    void anAllowedNetworkIsConnectedTo() throws Exception {
        AddressResolver<InetSocketAddress> resolver = resolver(WebhookAddresses.allowing(List.of("127.0.0.1/32")));
        names.answer("receiver.test", "127.0.0.1");

        assertThat(resolved(resolver.resolveAll(InetSocketAddress.createUnresolved("receiver.test", 80))))
                .extracting(InetSocketAddress::getPort)
                .containsExactly(80);
        assertThat(resolved(resolver.resolveAll(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80))))
                .hasSize(1);
    }

    @Test
    void aNameThatDoesNotResolveFailsAsItWould() throws Exception {
        AddressResolver<InetSocketAddress> resolver = resolver(WebhookAddresses.publicOnly());

        assertThat(resolver.resolveAll(InetSocketAddress.createUnresolved("nowhere.test", 80))
                        .await()
                        .cause())
                .isInstanceOf(java.net.UnknownHostException.class);
    }

    private AddressResolver<InetSocketAddress> resolver(WebhookAddresses addresses) {
        return new GuardedAddressResolverGroup(names, addresses).getResolver(executor);
    }

    private static List<InetSocketAddress> resolved(Future<List<InetSocketAddress>> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }
}
