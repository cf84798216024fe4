package io.minxin.notice.web;

import static io.minxin.events.identity.Role.DASHBOARD;
import static io.minxin.events.identity.Role.OPERATOR;

import io.minxin.servicekit.identity.RouteRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call which route, checked on the identity token after the gateway's own check (the gateway's
 * {@code RoutePermissions}): notices and bulletins read by dashboards and operators; issuing a bulletin,
 * subscriptions (they hold webhook addresses and secrets, so reads too) and the audit trail are operators'.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    RouteRoles routeRoles() {
        return RouteRoles.builder()
                .read("/api/v1/notices/**", DASHBOARD, OPERATOR)
                .read("/api/v1/bulletins/**", DASHBOARD, OPERATOR)
                .write("/api/v1/bulletins/**", OPERATOR)
                .read("/api/v1/subscriptions/**", OPERATOR)
                .write("/api/v1/subscriptions/**", OPERATOR)
                .read("/api/v1/audit/**", OPERATOR)
                .build();
    }
}
