package io.minxin.ranking.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class OperatorRoleFilterTest {
    private final OperatorRoleFilter filter = new OperatorRoleFilter(new OperatorRoleFilter.Settings(true));

    @Test
    void postWithoutOperatorRoleIsForbidden() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/v1/periods/2020-09/close").header("X-Minxin-Role", "dashboard"));

        filter.filter(exchange, passed -> Mono.error(new AssertionError("must not pass")))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void operatorAmongSeveralRolesPasses() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.put("/api/v1/policies/WEB").header("X-Minxin-Role", "dashboard, Operator"));
        boolean[] passed = {false};

        filter.filter(exchange, e -> {
                    passed[0] = true;
                    return Mono.empty();
                })
                .block();

        assertThat(passed[0]).isTrue();
    }

    @Test
    void readsAndDisabledCheckPassWithoutRole() {
        boolean[] passed = {false, false};

        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/rankings/2020-09")), e -> {
                    passed[0] = true;
                    return Mono.empty();
                })
                .block();
        new OperatorRoleFilter(new OperatorRoleFilter.Settings(false))
                .filter(MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/periods/2020-09/close")), e -> {
                    passed[1] = true;
                    return Mono.empty();
                })
                .block();

        assertThat(passed).containsExactly(true, true);
    }
}
