package io.minxin.notice.delivery;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.FutureListener;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The webhook client's resolver: the addresses a name resolves to are checked against {@link WebhookAddresses}
 * when the connection is made, and only permitted ones are handed to the connect; none permitted fails the
 * connection with {@link WebhookAddressRefusedException}. Checking here, not before the call, leaves no gap
 * between the check and the connect for a DNS answer to change in (rebinding), and covers every delivery.
 *
 * <p>Every address counts as unresolved, so that an address that comes resolved (an IP literal in the URL,
 * which Reactor Netty passes resolved and would otherwise connect to without asking the resolver) is checked
 * too. Names are resolved by the wrapped group (Reactor Netty's non-blocking DNS resolver in production), never
 * on the event loop by the JDK.
 */
final class GuardedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {
    private final AddressResolverGroup<InetSocketAddress> names;
    private final WebhookAddresses addresses;

    GuardedAddressResolverGroup(AddressResolverGroup<InetSocketAddress> names, WebhookAddresses addresses) {
        this.names = names;
        this.addresses = addresses;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new GuardedResolver(executor, names.getResolver(executor), addresses);
    }

    private static final class GuardedResolver extends AbstractAddressResolver<InetSocketAddress> {
        private final AddressResolver<InetSocketAddress> names;
        private final WebhookAddresses addresses;

        GuardedResolver(EventExecutor executor, AddressResolver<InetSocketAddress> names, WebhookAddresses addresses) {
            super(executor, InetSocketAddress.class);
            this.names = names;
            this.addresses = addresses;
        }

        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            return false;
        }

        @Override
        protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
            Promise<List<InetSocketAddress>> all = executor().newPromise();
            all.addListener((FutureListener<List<InetSocketAddress>>) done -> {
                if (done.isSuccess()) {
                    promise.trySuccess(done.getNow().get(0));
                } else {
                    promise.tryFailure(done.cause());
                }
            });
            doResolveAll(address, all);
        }

        @Override
        protected void doResolveAll(InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
            if (!address.isUnresolved()) {
                settle(address.getHostString(), List.of(address), promise);
                return;
            }
            names.resolveAll(address).addListener((Future<List<InetSocketAddress>> resolved) -> {
                if (resolved.isSuccess()) {
                    settle(address.getHostString(), resolved.getNow(), promise);
                } else {
                    promise.tryFailure(resolved.cause());
                }
            });
        }

        private void settle(String host, List<InetSocketAddress> resolved, Promise<List<InetSocketAddress>> promise) {
            List<InetSocketAddress> permitted = resolved.stream()
                    .filter(candidate -> addresses.permits(candidate.getAddress()))
                    .toList();
            if (permitted.isEmpty()) {
                List<InetAddress> refused =
                        resolved.stream().map(InetSocketAddress::getAddress).toList();
                promise.tryFailure(new WebhookAddressRefusedException(host, refused));
            } else {
                promise.trySuccess(permitted);
            }
        }

        @Override
        public void close() {
            // the wrapped group owns its resolvers and closes them
        }
    }
}
