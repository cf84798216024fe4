package io.minxin.console.web;

import static io.minxin.events.identity.Role.DASHBOARD;
import static io.minxin.events.identity.Role.OPERATOR;

import io.minxin.servicekit.identity.RouteRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may open which console route, checked on the gateway's identity token like every service: the sign-in page
 * and the static assets need none; pages are read by dashboards (leaders, unit liaisons) and operators; a unit files
 * disputes and acknowledges its 提示函 (dashboard: the API decides whether the person's scope allows it); every other
 * write (the htmx POSTs) is an operator's. The APIs the console calls decide again, with the same token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    RouteRoles routeRoles() {
        return RouteRoles.builder()
                .open("/console/sign-in")
                .open("/console/assets/**")
                .open("/console/webjars/**")
                .read("/console/**", DASHBOARD, OPERATOR)
                .write("/console/disputes", DASHBOARD)
                .write("/console/letters/*/*/acknowledgement", DASHBOARD)
                .write("/console/**", OPERATOR)
                .build();
    }
}
