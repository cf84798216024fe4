package io.minxin.servicekit.identity;

import io.minxin.events.identity.Caller;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/** The caller of the request being served, for code that has no {@link Caller} parameter. */
public final class CallerContext {

    /** The verified caller; empty outside a request (or on an open route such as {@code /actuator/health}). */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof CallerAuthentication authentication
                        ? authentication.caller()
                        : null);
    }

    private CallerContext() {}
}
