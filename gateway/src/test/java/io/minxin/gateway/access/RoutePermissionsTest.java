package io.minxin.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.identity.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutePermissionsTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {3} [{4}]")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /api/v1/events                     | PROTECTED | events        | integration
            POST   | /api/v1/events/batch               | PROTECTED | events        | integration
            GET    | /api/v1/events                     | PROTECTED | events        |
            PUT    | /api/v1/events/e-1                 | PROTECTED | events        |
            GET    | /api/v1/overview                   | PROTECTED | metrics       | dashboard,operator
            GET    | /api/v1/units/U001/metrics         | PROTECTED | metrics       | dashboard,operator
            HEAD   | /api/v1/cases/614418               | PROTECTED | metrics       | dashboard,operator
            POST   | /api/v1/units                      | PROTECTED | metrics       |
            GET    | /api/v1/jurisdictions              | PROTECTED | metrics       | dashboard,operator
            POST   | /api/v1/jurisdictions              | PROTECTED | metrics       |
            GET    | /api/v1/rankings/2020-09/PHONE     | PROTECTED | rankings      | dashboard,operator
            POST   | /api/v1/rankings                   | PROTECTED | rankings      |
            GET    | /api/v1/policies                   | PROTECTED | policies      | dashboard,operator
            PUT    | /api/v1/policies/PHONE             | PROTECTED | policies      | operator
            GET    | /api/v1/periods/2020-09            | PROTECTED | periods       | dashboard,operator
            POST   | /api/v1/periods/2020-09/close      | PROTECTED | periods       | operator
            GET    | /api/v1/notices                    | PROTECTED | notices       | dashboard,operator
            DELETE | /api/v1/notices/n-1                | PROTECTED | notices       |
            GET    | /api/v1/bulletins/2020-09          | PROTECTED | bulletins     | dashboard,operator
            POST   | /api/v1/bulletins/2020-09/issue    | PROTECTED | bulletins     | operator
            PATCH  | /api/v1/bulletins/2020-09/draft    | PROTECTED | bulletins     | operator
            POST   | /api/v1/bulletins/2020-09/corrections | PROTECTED | bulletins  | operator
            GET    | /api/v1/bulletins/2020-09/revisions/1.docx | PROTECTED | bulletins | dashboard,operator
            GET    | /api/v1/reviews                    | PROTECTED | reviews       | dashboard,operator
            POST   | /api/v1/reviews/614418/ruling      | PROTECTED | reviews       | operator
            POST   | /api/v1/reviews                    | PROTECTED | reviews       |
            POST   | /api/v1/reviews/614418             | PROTECTED | reviews       |
            POST   | /api/v1/reviews/614418/ruling/x    | PROTECTED | reviews       |
            PUT    | /api/v1/reviews/614418/ruling      | PROTECTED | reviews       |
            GET    | /api/v1/disputes                   | PROTECTED | disputes      | dashboard,operator
            GET    | /api/v1/disputes/d-1               | PROTECTED | disputes      | dashboard,operator
            POST   | /api/v1/disputes                   | PROTECTED | disputes      | dashboard
            POST   | /api/v1/disputes/d-1/decision      | PROTECTED | disputes      | operator
            POST   | /api/v1/disputes/d-1               | PROTECTED | disputes      |
            DELETE | /api/v1/disputes/d-1               | PROTECTED | disputes      |
            GET    | /api/v1/exclusions                 | PROTECTED | exclusions    | dashboard,operator
            POST   | /api/v1/exclusions                 | PROTECTED | exclusions    | operator
            DELETE | /api/v1/exclusions/x-1             | PROTECTED | exclusions    |
            GET    | /api/v1/letters                    | PROTECTED | letters       | dashboard,operator
            GET    | /api/v1/letters/xlt-huibin/2020-09.docx | PROTECTED | letters  | dashboard,operator
            POST   | /api/v1/letters/xlt-huibin/2020-09/acknowledgement | PROTECTED | letters | dashboard
            POST   | /api/v1/letters/xlt-huibin/acknowledgement | PROTECTED | letters |
            POST   | /api/v1/letters                    | PROTECTED | letters       |
            GET    | /api/v1/disputesx                  | NO_ROUTE  |               |
            GET    | /api/v1/subscriptions              | PROTECTED | subscriptions | operator
            POST   | /api/v1/subscriptions              | PROTECTED | subscriptions | operator
            GET    | /api/v1/audit                      | PROTECTED | audit         | operator
            HEAD   | /api/v1/audit                      | PROTECTED | audit         | operator
            POST   | /api/v1/audit                      | PROTECTED | audit         |
            DELETE | /api/v1/audit/e-1                  | PROTECTED | audit         |
            GET    | /api/v1/auditx                     | NO_ROUTE  |               |
            GET    | /api/v1/keys                       | PROTECTED | keys          | operator
            DELETE | /api/v1/keys/0123456789abcdef      | PROTECTED | keys          | operator
            get    | /api/v1/keys                       | PROTECTED | keys          | operator
            GET    | /actuator/health                   | PUBLIC    |               |
            GET    | /actuator/health/liveness          | PUBLIC    |               |
            GET    | /actuator/prometheus               | PUBLIC    |               |
            GET    | /swagger-ui.html                   | PUBLIC    |               |
            GET    | /swagger-ui/index.html             | PUBLIC    |               |
            GET    | /v3/api-docs                       | PUBLIC    |               |
            GET    | /v3/api-docs/intake                | PUBLIC    |               |
            POST   | /v3/api-docs/intake                | NO_ROUTE  |               |
            GET    | /actuator/env                      | NO_ROUTE  |               |
            GET    | /actuator/gateway/routes           | NO_ROUTE  |               |
            GET    | /actuator/prometheus/x             | NO_ROUTE  |               |
            GET    | /api/v1/unitsx                     | NO_ROUTE  |               |
            GET    | /fallback                          | NO_ROUTE  |               |
            GET    | /api/v1/units/../keys              | MALFORMED |               |
            GET    | /api/v1/units/%2e%2e/keys          | MALFORMED |               |
            GET    | /api/v1/units/a%2Fb                | MALFORMED |               |
            GET    | /api/v1/units;x=1                  | MALFORMED |               |
            GET    | /api/v1//units                     | MALFORMED |               |
            GET    | /api/v1/./units                    | MALFORMED |               |
            """)
    void decidesByFamilyAndMethod(String method, String path, Access.Kind kind, String family, String roles) {
        Access access = RoutePermissions.decide(method, path);

        assertThat(access.kind()).isEqualTo(kind);
        assertThat(access.family()).isEqualTo(family);
        assertThat(access.roles()).isEqualTo(roles(roles));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/events", "/api/v1/units", "/api/v1/keys", "/actuator/health"})
    void methodsOutsideTheTableAllowNoRole(String path) {
        assertThat(RoutePermissions.decide("OPTIONS", path).roles()).isEmpty();
        assertThat(RoutePermissions.decide("TRACE", path).roles()).isEmpty();
    }

    @Test
    void leastPrivilegedFittingRoleAuthorizes() {
        Access read = RoutePermissions.decide("GET", "/api/v1/policies");

        assertThat(read.authorizingRole(EnumSet.of(Role.DASHBOARD, Role.OPERATOR)))
                .contains(Role.DASHBOARD);
        assertThat(read.authorizingRole(EnumSet.of(Role.OPERATOR))).contains(Role.OPERATOR);
        assertThat(read.authorizingRole(EnumSet.of(Role.INTEGRATION))).isEmpty();
    }

    @Test
    void operatorMayNotPostEvents() {
        Access post = RoutePermissions.decide("POST", "/api/v1/events");

        assertThat(post.authorizingRole(EnumSet.of(Role.OPERATOR, Role.DASHBOARD)))
                .isEmpty();
        assertThat(post.authorizingRole(EnumSet.allOf(Role.class))).contains(Role.INTEGRATION);
    }

    @Test
    void aUnitsDashboardKeyFilesDisputesAndAcknowledgesLettersButDecidesNothing() {
        Set<Role> unit = EnumSet.of(Role.DASHBOARD);

        assertThat(RoutePermissions.decide("POST", "/api/v1/disputes").authorizingRole(unit))
                .contains(Role.DASHBOARD);
        assertThat(RoutePermissions.decide("POST", "/api/v1/letters/xlt-huibin/2020-09/acknowledgement")
                        .authorizingRole(unit))
                .contains(Role.DASHBOARD);
        for (String decision :
                new String[] {"/api/v1/disputes/d-1/decision", "/api/v1/reviews/614418/ruling", "/api/v1/exclusions"}) {
            assertThat(RoutePermissions.decide("POST", decision).authorizingRole(unit))
                    .as(decision)
                    .isEmpty();
        }
        assertThat(RoutePermissions.decide("PATCH", "/api/v1/bulletins/2020-09/draft")
                        .authorizingRole(unit))
                .isEmpty();
    }

    @Test
    void anOperatorDecidesButFilesNoDisputeForAUnit() {
        Set<Role> operator = EnumSet.of(Role.OPERATOR);

        assertThat(RoutePermissions.decide("POST", "/api/v1/disputes").authorizingRole(operator))
                .isEmpty();
        assertThat(RoutePermissions.decide("POST", "/api/v1/letters/xlt-huibin/2020-09/acknowledgement")
                        .authorizingRole(operator))
                .isEmpty();
        assertThat(RoutePermissions.decide("POST", "/api/v1/disputes/d-1/decision")
                        .authorizingRole(operator))
                .contains(Role.OPERATOR);
    }

    @Test
    void familiesListTheProxiedOnesBeforeTheGatewaysOwn() {
        assertThat(RoutePermissions.families(false))
                .containsExactly(
                        "events",
                        "metrics",
                        "rankings",
                        "policies",
                        "periods",
                        "notices",
                        "bulletins",
                        "reviews",
                        "disputes",
                        "exclusions",
                        "letters",
                        "subscriptions",
                        "audit");
        assertThat(RoutePermissions.families(true)).endsWith("keys", "accounts", "console");
    }

    private static Set<Role> roles(String names) {
        if (names == null) {
            return Set.of();
        }
        return Arrays.stream(names.split(","))
                .map(name -> Role.fromWireName(name.strip()).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
