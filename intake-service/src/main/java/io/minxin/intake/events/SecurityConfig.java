package io.minxin.intake.events;

import static io.minxin.events.identity.Role.INTEGRATION;

import io.minxin.servicekit.identity.RouteRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which route, checked on the identity token after the gateway's own check (the gateway's
 * {@code RoutePermissions}): events are posted by integrations only; no other method or role reaches them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    RouteRoles routeRoles() {
        return RouteRoles.builder()
                .allow(HttpMethod.POST, "/api/v1/events/**", INTEGRATION)
                .build();
    }
}
