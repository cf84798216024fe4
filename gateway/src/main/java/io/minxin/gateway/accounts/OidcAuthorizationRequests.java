package io.minxin.gateway.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The OIDC authorization requests on their way to the identity provider and back (state, nonce, PKCE verifier), kept
 * here and bound to the browser that set out by a cookie of their own. Not in the console session: its cookie is
 * SameSite=Strict, which a browser does not send on the provider's redirect back; this one is SameSite=Lax, sent on
 * that top-level GET and nowhere but {@link IdentityProviders#PATHS}. Each request is taken once, within
 * {@link #TIMEOUT}.
 */
final class OidcAuthorizationRequests implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {
    static final String COOKIE = "MINXIN_OIDC";
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 10_000;

    private final Cache<String, OAuth2AuthorizationRequest> pending = Caffeine.newBuilder()
            .expireAfterWrite(TIMEOUT)
            .maximumSize(MAX_PENDING)
            .build();
    private final SecureRandom random;
    private final boolean secureCookie;

    OidcAuthorizationRequests(SecureRandom random, boolean secureCookie) {
        this.random = random;
        this.secureCookie = secureCookie;
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> loadAuthorizationRequest(ServerWebExchange exchange) {
        return Mono.justOrEmpty(find(exchange));
    }

    @Override
    public Mono<Void> saveAuthorizationRequest(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
        if (request == null) {
            return removeAuthorizationRequest(exchange).then();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String binding = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(binding, request);
        exchange.getResponse().addCookie(cookie(binding, TIMEOUT));
        return Mono.empty();
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> removeAuthorizationRequest(ServerWebExchange exchange) {
        HttpCookie binding = exchange.getRequest().getCookies().getFirst(COOKIE);
        OAuth2AuthorizationRequest found = find(exchange);
        if (binding != null) {
            pending.invalidate(binding.getValue());
            exchange.getResponse().addCookie(cookie("", Duration.ZERO));
        }
        return Mono.justOrEmpty(found);
    }

    /** The request this browser set out with, if the state the provider sent back is its own. */
    private OAuth2AuthorizationRequest find(ServerWebExchange exchange) {
        HttpCookie binding = exchange.getRequest().getCookies().getFirst(COOKIE);
        String state = exchange.getRequest().getQueryParams().getFirst(OAuth2ParameterNames.STATE);
        if (binding == null || state == null) {
            return null;
        }
        OAuth2AuthorizationRequest request = pending.getIfPresent(binding.getValue());
        return request != null && state.equals(request.getState()) ? request : null;
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .path(IdentityProviders.PATHS)
                .httpOnly(true)
                .sameSite("Lax")
                .secure(secureCookie)
                .maxAge(maxAge)
                .build();
    }
}
