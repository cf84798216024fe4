package io.minxin.notice.web;

import io.minxin.events.identity.Caller;
import io.minxin.servicekit.identity.CallerArgumentResolver;
import io.minxin.servicekit.identity.TestIdentity;
import io.minxin.servicekit.problem.ProblemAdviceSupport;
import java.time.Duration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A controller bound alone, answering as the service does (problem JSON), for a signed-in caller. */
public final class TestClients {
    @RestControllerAdvice
    static class Problems extends ProblemAdviceSupport {}

    public static WebTestClient of(Object controller, Caller caller) {
        return WebTestClient.bindToController(controller)
                .controllerAdvice(new Problems())
                .argumentResolvers(resolvers -> resolvers.addCustomResolver(new CallerArgumentResolver()))
                .webFilter(TestIdentity.signedIn(caller))
                .configureClient()
                // an answer is awaited as long as the service's own clients do: a loaded 2-core machine runs the
                // embedded MongoDB, POI and the test in one JVM, and 5 s (the default) timed out under load
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private TestClients() {}
}
