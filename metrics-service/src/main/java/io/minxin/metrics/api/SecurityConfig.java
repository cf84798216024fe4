package io.minxin.metrics.api;

import static io.minxin.events.identity.Role.DASHBOARD;
import static io.minxin.events.identity.Role.OPERATOR;

import io.minxin.servicekit.identity.RouteRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call which route, checked on the identity token after the gateway's own check (the gateway's
 * {@code RoutePermissions}): the metrics are read by dashboards and operators; nothing here is written over HTTP.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    RouteRoles routeRoles() {
        return RouteRoles.builder()
                .read("/api/v1/overview/**", DASHBOARD, OPERATOR)
                .read("/api/v1/units/**", DASHBOARD, OPERATOR)
                .read("/api/v1/jurisdictions/**", DASHBOARD, OPERATOR)
                .read("/api/v1/cases/**", DASHBOARD, OPERATOR)
                .build();
    }
}
