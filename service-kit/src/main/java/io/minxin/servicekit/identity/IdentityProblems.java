package io.minxin.servicekit.identity;

import io.minxin.servicekit.problem.ProblemAdviceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The security chain's refusals in the project's one problem shape: 401 with {@code WWW-Authenticate: Bearer}
 * (RFC 6750; {@code error="invalid_token"} when a token came and failed), 403 when the caller's role may not call
 * the route. The answer does not say which check a token failed (that helps only a forger); the debug log does.
 */
final class IdentityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {
    private static final Logger log = LoggerFactory.getLogger(IdentityProblems.class);

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refusal) {
        boolean tokenFailed = refusal instanceof OAuth2AuthenticationException;
        if (log.isDebugEnabled()) {
            log.debug(
                    "401 for {} {}: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(),
                    refusal.getMessage());
        }
        exchange.getResponse()
                .getHeaders()
                .set(HttpHeaders.WWW_AUTHENTICATE, tokenFailed ? "Bearer error=\"invalid_token\"" : "Bearer");
        return ProblemAdviceSupport.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                tokenFailed
                        ? "the identity token is not valid here (forged, expired or for another service)"
                        : "this route needs an identity token from the gateway (Authorization: Bearer)");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return CallerContext.current()
                .map(caller -> "this route is not open to the " + caller.role().wireName() + " role")
                .defaultIfEmpty("this route is not open to this caller")
                .flatMap(detail -> ProblemAdviceSupport.write(exchange, HttpStatus.FORBIDDEN, detail));
    }
}
