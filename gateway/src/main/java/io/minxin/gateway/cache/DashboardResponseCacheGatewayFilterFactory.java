package io.minxin.gateway.cache;

import io.minxin.events.identity.Role;
import io.minxin.gateway.web.Caller;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.cache.LocalResponseCacheGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.cache.LocalResponseCacheGatewayFilterFactory.RouteCacheConfiguration;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Route filter {@code DashboardResponseCache=<timeToLive>,<size>}: dashboards polling the same query are answered
 * from Spring Cloud Gateway's local response cache (Caffeine, per route) instead of a second HTTP hop each. Only
 * for callers whose key authorized the request as {@code dashboard}: an operator who has just closed a period or
 * changed a policy reads through to the service and sees the change at once. A cached answer is at most
 * {@code timeToLive} old, like the services' own views; zero turns the cache off. Authentication, roles and the
 * rate limit come first (web filters), so an answer is only ever served to a caller allowed to read it.
 *
 * <p>Answers are shared by every dashboard key, which holds while no read API answers differently by caller; a
 * service that does must mark such answers {@code Cache-Control: private}, which the cache respects.
 */
@Component
class DashboardResponseCacheGatewayFilterFactory extends AbstractGatewayFilterFactory<RouteCacheConfiguration> {
    private final LocalResponseCacheGatewayFilterFactory responseCache;

    DashboardResponseCacheGatewayFilterFactory(LocalResponseCacheGatewayFilterFactory responseCache) {
        super(RouteCacheConfiguration.class);
        this.responseCache = responseCache;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return responseCache.shortcutFieldOrder();
    }

    @Override
    public GatewayFilter apply(RouteCacheConfiguration config) {
        if (config.getTimeToLive() != null && config.getTimeToLive().isZero()) {
            // a time to live of zero turns the cache off: every request goes to the service
            return (exchange, chain) -> chain.filter(exchange);
        }
        GatewayFilter cache = responseCache.apply(config);
        // the cache decorates the response, so it must keep its place before the filter that writes the body
        int order = cache instanceof Ordered ordered ? ordered.getOrder() : Ordered.LOWEST_PRECEDENCE;
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    Caller caller = Caller.of(exchange);
                    // an answer is shared only among callers who may all read it: city-wide dashboards
                    return caller != null
                                    && caller.role() == Role.DASHBOARD
                                    && caller.scope().isAll()
                            ? cache.filter(exchange, chain)
                            : chain.filter(exchange);
                },
                order);
    }
}
