package io.minxin.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyScopesTest {
    @ParameterizedTest(name = "roles {0} with scope {1}: allowed {2}")
    @CsvSource(delimiter = '|', textBlock = """
            dashboard             | all             | true
            dashboard             | unit:U0042      | true
            dashboard             | jurisdiction:J7 | true
            operator              | all             | true
            operator              | unit:U0042      | false
            integration           | unit:U0042      | false
            integration           | jurisdiction:J7 | false
            dashboard,operator    | unit:U0042      | false
            dashboard,integration | jurisdiction:J7 | false
            integration,operator  | all             | true
            """)
    void givenRolesAndScopeWhenIssuingThenOnlyDashboardOnlyKeysMayBeNarrowed(
            String roles, String scope, boolean allowed) {
        String refusal = KeyScopes.refusal(roles(roles), Scope.parse(scope));

        assertThat(refusal == null).isEqualTo(allowed);
    }

    private static Set<Role> roles(String names) {
        return Arrays.stream(names.split(","))
                .map(name -> Role.fromWireName(name).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
