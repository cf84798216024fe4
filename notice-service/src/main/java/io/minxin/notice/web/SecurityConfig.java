package io.minxin.notice.web;

import static io.minxin.events.identity.Role.DASHBOARD;
import static io.minxin.events.identity.Role.OPERATOR;

import io.minxin.servicekit.identity.RouteRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which route, checked on the identity token after the gateway's own check (the gateway's
 * {@code RoutePermissions}): notices and bulletins read by dashboards and operators; issuing a bulletin,
 * subscriptions (they hold webhook addresses and secrets, so reads too) and the audit trail are operators'; the
 * 较差件 review, exclusions and disputes are read by dashboards and operators, decided by operators, and a dispute
 * is filed by a unit's dashboard key.
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
                .read("/api/v1/reviews/**", DASHBOARD, OPERATOR)
                .write("/api/v1/reviews/**", OPERATOR)
                .read("/api/v1/exclusions/**", DASHBOARD, OPERATOR)
                .write("/api/v1/exclusions/**", OPERATOR)
                // a decision on a dispute is an operator's; filing one is a unit's dashboard key's (its scope is
                // checked by the controller): the more specific rule first, the first match decides
                .allow(HttpMethod.POST, "/api/v1/disputes/*/decision", OPERATOR)
                .allow(HttpMethod.POST, "/api/v1/disputes", DASHBOARD)
                .read("/api/v1/disputes/**", DASHBOARD, OPERATOR)
                // a 提示函 is acknowledged by its unit's dashboard key (the controller checks the unit scope)
                .read("/api/v1/letters/**", DASHBOARD, OPERATOR)
                .allow(HttpMethod.POST, "/api/v1/letters/*/*/acknowledgement", DASHBOARD)
                .build();
    }
}
