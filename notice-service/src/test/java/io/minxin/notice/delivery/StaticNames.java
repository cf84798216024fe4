package io.minxin.notice.delivery;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A name service for tests whose answers change when told to: a DNS rebinding at will. */
final class StaticNames extends AddressResolverGroup<InetSocketAddress> {
    private final Map<String, List<InetAddress>> names = new ConcurrentHashMap<>();

    /** From now on, {@code name} resolves to {@code addresses} (IP literals). */
    StaticNames answer(String name, String... addresses) {
        names.put(name, List.of(addresses).stream().map(StaticNames::literal).toList());
        return this;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            @Override
            protected void doResolve(String name, Promise<InetAddress> promise) {
                List<InetAddress> answer = names.get(name);
                if (answer == null) {
                    promise.setFailure(new UnknownHostException(name));
                } else {
                    promise.setSuccess(answer.get(0));
                }
            }

            @Override
            protected void doResolveAll(String name, Promise<List<InetAddress>> promise) {
                List<InetAddress> answer = names.get(name);
                if (answer == null) {
                    promise.setFailure(new UnknownHostException(name));
                } else {
                    promise.setSuccess(answer);
                }
            }
        });
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
