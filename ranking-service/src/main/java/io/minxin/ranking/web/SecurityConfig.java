package io.minxin.ranking.web;

import static io.minxin.events.identity.Role.DASHBOARD;
import static io.minxin.events.identity.Role.OPERATOR;

import io.minxin.servicekit.identity.RouteRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which route, checked on the identity token after the gateway's own check (the gateway's
 * {@code RoutePermissions}: rankings, policies and periods read by dashboards and operators, changed by operators).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    RouteRoles routeRoles() {
        return RouteRoles.builder()
                .read("/api/v1/rankings/**", DASHBOARD, OPERATOR)
                // ranks under another policy and stores nothing; an operator's trial (the gateway offers it to no key)
                .allow(HttpMethod.POST, "/api/v1/rankings/*/what-if", OPERATOR)
                .read("/api/v1/policies/**", DASHBOARD, OPERATOR)
                .write("/api/v1/policies/**", OPERATOR)
                .read("/api/v1/periods/**", DASHBOARD, OPERATOR)
                .write("/api/v1/periods/**", OPERATOR)
                .build();
    }
}
