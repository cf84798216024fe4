package io.minxin.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.demo.DemoUnit;
import io.minxin.e2e.support.IdentityTokens;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.MinxinExtension;
import io.minxin.e2e.support.Response;
import io.minxin.e2e.support.Service;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services' own ports, bypassing the gateway, as someone else on the same host or network would try them (the
 * probes of issue 15): the identity headers the services used to trust, and tokens that are expired, meant for
 * another service or signed by another key, are all 401 problem JSON with {@code WWW-Authenticate: Bearer}; a
 * token signed with the run's key is taken, and still only as far as its role and scope reach.
 */
@Order(3)
@ExtendWith(MinxinExtension.class)
class ServicePortsIT {
    /** A call each service guards, one per service; the writes are the ones issue 15 got through with a header. */
    private record Probe(Service service, String method, String path, String body, Role role) {}

    private static final List<Probe> PROBES = List.of(
            new Probe(Service.INTAKE, "POST", "api/v1/events", "{}", Role.INTEGRATION),
            new Probe(Service.METRICS, "GET", "api/v1/overview?period=2020-05", null, Role.DASHBOARD),
            new Probe(Service.RANKING, "POST", "api/v1/periods/2019-01/close", null, Role.OPERATOR),
            new Probe(Service.NOTICE, "GET", "api/v1/subscriptions", null, Role.OPERATOR));

    private static Minxin minxin;
    private static IdentityTokens tokens;

    @BeforeAll
    static void theRunsSigningKey(Minxin running) {
        minxin = running;
        tokens = IdentityTokens.signedWith(minxin.signingKeys());
    }

    private static Response call(Probe probe, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (probe.body() != null) {
            all.put("Content-Type", "application/json");
        }
        return minxin.service(probe.service())
                .api()
                .send(
                        probe.method(),
                        probe.path(),
                        all,
                        probe.body() == null ? null : probe.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void assertUnauthenticated(SoftAssertions softly, Probe probe, String what, Response response) {
        softly.assertThat(response.status())
                .as("%s %s /%s with %s: %s", probe.service(), probe.method(), probe.path(), what, response)
                .isEqualTo(401);
        softly.assertThat(response.contentType())
                .as("%s with %s: problem JSON", probe.service(), what)
                .startsWith("application/problem+json");
        softly.assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                .as("%s with %s: WWW-Authenticate", probe.service(), what)
                .startsWith("Bearer");
    }

    @Test
    void aForgedRoleHeaderIs401OnEveryServicesOwnPort() {
        SoftAssertions softly = new SoftAssertions();
        for (Probe probe : PROBES) {
            Response response = call(
                    probe,
                    Map.of("X-Minxin-Role", "operator", "X-Minxin-Key-Id", "e2eop0000", "X-Minxin-Scope", "all"));
            assertUnauthenticated(softly, probe, "X-Minxin-Role: operator", response);
        }
        softly.assertAll();
    }

    @Test
    void noTokenAnExpiredOneOneForAnotherServiceAndAForgedOneAre401() {
        SoftAssertions softly = new SoftAssertions();
        for (Probe probe : PROBES) {
            Service other = probe.service() == Service.METRICS ? Service.RANKING : Service.METRICS;
            assertUnauthenticated(softly, probe, "no token", call(probe, Map.of()));
            assertUnauthenticated(
                    softly,
                    probe,
                    "an expired token",
                    call(probe, bearer(tokens.expired(probe.role(), Scope.ALL, probe.service()))));
            assertUnauthenticated(
                    softly,
                    probe,
                    "a token for " + other.artifact(),
                    call(probe, bearer(tokens.bearer(probe.role(), Scope.ALL, other))));
            assertUnauthenticated(
                    softly,
                    probe,
                    "a token signed by another key",
                    call(probe, bearer(tokens.forger().bearer(probe.role(), Scope.ALL, probe.service()))));
            assertUnauthenticated(
                    softly, probe, "a token sent as an API key", call(probe, Map.of("X-Api-Key", "Bearer x.y.z")));
        }
        softly.assertAll();
    }

    @Test
    void aTokenSignedWithTheRunsKeyIsTakenAsFarAsItsRoleReaches() {
        SoftAssertions softly = new SoftAssertions();
        for (Probe probe : PROBES) {
            Response allowed = call(probe, bearer(tokens.bearer(probe.role(), Scope.ALL, probe.service())));
            softly.assertThat(allowed.status())
                    .as("%s with its own role's token: %s", probe.service(), allowed)
                    .isNotIn(401, 403);
            Role wrong = probe.role() == Role.INTEGRATION ? Role.DASHBOARD : Role.INTEGRATION;
            Response refused = call(probe, bearer(tokens.bearer(wrong, Scope.ALL, probe.service())));
            softly.assertThat(refused.status())
                    .as("%s as %s: %s", probe.service(), wrong, refused)
                    .isEqualTo(403);
        }
        softly.assertAll();
    }

    @Test
    void aUnitTokenReadingAnotherUnitOnTheServicesOwnPortIs403() {
        Scope unitA = Scope.unit(DemoUnit.GONGXIN.unitId());
        String series = "api/v1/units/" + DemoUnit.SHUIWU.unitId() + "/series?from=2020-05-01&to=2020-05-31";

        Response response = minxin.service(Service.METRICS)
                .api()
                .send("GET", series, bearer(tokens.bearer(Role.DASHBOARD, unitA, Service.METRICS)), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static Map<String, String> bearer(String authorization) {
        return Map.of("Authorization", authorization);
    }
}
