package io.minxin.gateway.accounts;

import io.minxin.events.identity.Role;
import io.minxin.gateway.identity.RelayedTokens;
import io.minxin.gateway.web.Caller;
import io.minxin.gateway.web.FilterOrder;
import io.minxin.gateway.web.Problems;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * People in the console: sign-in, sign-out and password change (answered here, never forwarded), the session of
 * every page request (its person becomes the exchange's {@link Caller}, checked by the authentication filter like a
 * key), CSRF for every write a session makes, and the identity tokens the console relays back to the APIs.
 *
 * <p>A session holds the username and its CSRF token; the token goes to the console in {@value #CSRF_DOWNSTREAM} so
 * its pages can send it back ({@value #CSRF_HEADER} on htmx writes, field {@value #CSRF_FIELD} on forms). The
 * session cookie never goes downstream: the console acts with the short-lived identity token only.
 */
final class ConsoleSessions implements WebFilter, Ordered {
    static final String CSRF_DOWNSTREAM = "X-Minxin-Csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "_csrf";
    static final String SIGN_IN = "/console/sign-in";
    static final String SIGN_OUT = "/console/sign-out";
    static final String PASSWORD = "/console/account/password";

    private static final String ACCOUNT = "minxin.account";
    private static final String CSRF = "minxin.csrf";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Logger signIns = LoggerFactory.getLogger("io.minxin.gateway.signin");

    private final Accounts accounts;
    private final RelayedTokens relayed;
    private final Problems problems;
    private final AccountSettings settings;
    private final SecureRandom random;
    private final IdentityProviders providers;
    private final AccountAudit audit;

    ConsoleSessions(
            Accounts accounts,
            RelayedTokens relayed,
            Problems problems,
            AccountSettings settings,
            SecureRandom random,
            IdentityProviders providers,
            AccountAudit audit) {
        this.providers = providers;
        this.audit = audit;
        this.accounts = accounts;
        this.relayed = relayed;
        this.problems = problems;
        this.settings = settings;
        this.random = random;
    }

    @Override
    public int getOrder() {
        return FilterOrder.CONSOLE_SESSION;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (path.startsWith("/api/")) {
            return relayedToken(exchange, chain);
        }
        if (!path.equals("/console") && !path.startsWith("/console/")) {
            return chain.filter(exchange);
        }
        HttpMethod method = request.getMethod();
        if (path.equals("/console")) {
            return redirect(exchange, "/console/");
        }
        if (HttpMethod.POST.equals(method)) {
            switch (path) {
                case SIGN_IN -> {
                    return signIn(exchange);
                }
                case SIGN_OUT -> {
                    return signOut(exchange);
                }
                case PASSWORD -> {
                    return changePassword(exchange);
                }
                default -> {
                    // a page's write: below
                }
            }
        }
        if (SAFE.contains(method) && (path.startsWith("/console/assets/") || path.startsWith("/console/webjars/"))) {
            return chain.filter(downstream(exchange, null));
        }
        if (path.startsWith(IdentityProviders.PATHS)) {
            // OIDC sign-in: Spring Security's chain of these paths answers them (OidcSignIn)
            return chain.filter(exchange);
        }
        return exchange.getSession().flatMap(session -> {
            if (path.equals(SIGN_IN) && SAFE.contains(method)) {
                return chain.filter(providers.announce(downstream(exchange, csrfOf(session))));
            }
            String username = session.getAttribute(ACCOUNT);
            if (username == null) {
                return SAFE.contains(method)
                        ? redirect(exchange, SIGN_IN)
                        : problems.write(exchange, HttpStatus.UNAUTHORIZED, "Sign in to the console at " + SIGN_IN);
            }
            if (!SAFE.contains(method) && !sameToken(request.getHeaders().getFirst(CSRF_HEADER), csrfOf(session))) {
                return problems.write(
                        exchange,
                        HttpStatus.FORBIDDEN,
                        "The page's CSRF token is missing or stale: reload the page and try again");
            }
            return accounts.find(username)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(found -> {
                        if (found.isEmpty()) {
                            // the account is gone: the session with it
                            return session.invalidate().then(redirect(exchange, SIGN_IN));
                        }
                        Account account = found.get();
                        new Caller(account.username(), account.role(), Set.of(account.role()), account.scope())
                                .attachTo(exchange);
                        return chain.filter(downstream(exchange, csrfOf(session)));
                    });
        });
    }

    private Mono<Void> signIn(ServerWebExchange exchange) {
        return exchange.getSession().zipWith(exchange.getFormData()).flatMap(both -> {
            WebSession session = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            if (!sameToken(form.getFirst(CSRF_FIELD), session.getAttribute(CSRF))) {
                return redirect(exchange, SIGN_IN + "?error=expired");
            }
            String username = form.getFirst("username");
            return accounts.signIn(username, form.getFirst("password")).flatMap(signIn -> {
                signIns.info("sign-in {} {}", printable(username), signIn.outcome());
                return switch (signIn.outcome()) {
                    case INVALID -> redirect(exchange, SIGN_IN + "?error=invalid");
                    case LOCKED -> redirect(exchange, SIGN_IN + "?error=locked");
                    case SIGNED_IN ->
                        start(session, signIn.account())
                                .then(audit.signedIn(signIn.account(), "password"))
                                .then(redirect(exchange, "/console/"));
                };
            });
        });
    }

    /**
     * A person the identity provider vouched for, back on the callback: their session starts, and the answer is a
     * page that moves on to the console itself. The callback is a navigation another site started, on which the
     * browser sends no SameSite=Strict cookie and would not send the new one either on a redirect; a navigation of
     * this page is the console's own, on which it does.
     */
    Mono<Void> signInVouched(ServerWebExchange exchange, String username, String provider) {
        return accounts.signInVouched(username).flatMap(signIn -> {
            signIns.info("sign-in {} via {} {}", printable(username), provider, signIn.outcome());
            return switch (signIn.outcome()) {
                case INVALID -> redirect(exchange, SIGN_IN + "?error=no-account");
                case LOCKED -> redirect(exchange, SIGN_IN + "?error=locked");
                case SIGNED_IN ->
                    exchange.getSession()
                            .flatMap(session -> start(session, signIn.account()))
                            .then(audit.signedIn(signIn.account(), "oidc:" + provider))
                            .then(IdentityProviders.continueTo(exchange, "/console/"));
            };
        });
    }

    /** A signed-in session: a new id (an id planted before sign-in, session fixation, is worth nothing). */
    private Mono<Void> start(WebSession session, Account account) {
        return session.changeSessionId().then(Mono.fromRunnable(() -> {
            session.getAttributes().put(ACCOUNT, account.username());
            session.getAttributes().put(CSRF, newToken());
            session.setMaxIdleTime(settings.sessionTimeout());
        }));
    }

    private Mono<Void> signOut(ServerWebExchange exchange) {
        return exchange.getSession().zipWith(exchange.getFormData()).flatMap(both -> {
            if (!sameToken(both.getT2().getFirst(CSRF_FIELD), both.getT1().getAttribute(CSRF))) {
                return problems.write(exchange, HttpStatus.FORBIDDEN, "The page's CSRF token is missing or stale");
            }
            return both.getT1().invalidate().then(redirect(exchange, SIGN_IN + "?signedOut"));
        });
    }

    private Mono<Void> changePassword(ServerWebExchange exchange) {
        return exchange.getSession().zipWith(exchange.getFormData()).flatMap(both -> {
            WebSession session = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            String username = session.getAttribute(ACCOUNT);
            if (username == null) {
                return redirect(exchange, SIGN_IN);
            }
            if (!sameToken(form.getFirst(CSRF_FIELD), session.getAttribute(CSRF))) {
                return problems.write(exchange, HttpStatus.FORBIDDEN, "The page's CSRF token is missing or stale");
            }
            String next = form.getFirst("password");
            if (next == null || !next.equals(form.getFirst("repeat"))) {
                return redirect(exchange, "/console/account?error=mismatch");
            }
            return accounts.changePassword(username, form.getFirst("current"), next)
                    .flatMap(outcome -> {
                        signIns.info("password change {} {}", username, outcome);
                        return switch (outcome) {
                            case CHANGED -> redirect(exchange, "/console/account?changed");
                            case WRONG_PASSWORD -> redirect(exchange, "/console/account?error=wrong");
                            case TOO_SHORT -> redirect(exchange, "/console/account?error=short");
                            case UNCHANGED -> redirect(exchange, "/console/account?error=unchanged");
                            case LOCKED -> session.invalidate().then(redirect(exchange, SIGN_IN + "?error=locked"));
                        };
                    });
        });
    }

    /**
     * A call of the APIs with {@code Authorization: Bearer} and no API key: the console relaying a person's token. A
     * valid one makes its person the caller; any other bearer token is refused here, before the key check.
     */
    private Mono<Void> relayedToken(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (headers.containsHeader("X-Api-Key")
                || authorization == null
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return chain.filter(exchange);
        }
        return relayed.verify(authorization.substring(7).strip())
                .flatMap(caller -> {
                    new Caller(caller.keyId(), caller.role(), Set.<Role>of(caller.role()), caller.scope())
                            .attachTo(exchange);
                    return chain.filter(exchange);
                })
                .onErrorResume(
                        org.springframework.security.oauth2.jwt.JwtException.class,
                        e -> problems.write(
                                exchange,
                                HttpStatus.UNAUTHORIZED,
                                "The bearer token is not an identity token this gateway signed for the console"));
    }

    /** The request as the console gets it: no cookies, and the session's CSRF token (or none) in its header. */
    private static ServerWebExchange downstream(ServerWebExchange exchange, String csrf) {
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> {
                    headers.remove(HttpHeaders.COOKIE);
                    headers.remove(CSRF_DOWNSTREAM);
                    if (csrf != null) {
                        headers.set(CSRF_DOWNSTREAM, csrf);
                    }
                })
                .build();
        return exchange.mutate().request(request).build();
    }

    private String csrfOf(WebSession session) {
        return (String) session.getAttributes().computeIfAbsent(CSRF, name -> newToken());
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean sameToken(String given, String expected) {
        return given != null
                && expected != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    static Mono<Void> redirect(ServerWebExchange exchange, String location) {
        exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        exchange.getResponse().getHeaders().setLocation(URI.create(location));
        return exchange.getResponse().setComplete();
    }

    /** A username as the log shows it: what a person typed, without line breaks that could forge log lines. */
    private static String printable(String username) {
        if (username == null) {
            return "(none)";
        }
        String stripped = username.strip();
        return stripped.length() > 64 || !Accounts.USERNAME.matcher(stripped).matches() ? "(not a username)" : stripped;
    }
}
