package io.minxin.gateway.accounts;

import io.minxin.gateway.web.Randomness;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Sign-in with a city's identity provider (OIDC), an option beside passwords: Spring Security's OAuth2 client runs
 * the authorization code flow with PKCE and checks the ID token (signature against the provider's keys, issuer,
 * audience, expiry, nonce). The person is then signed in as the Minxin account of the same username (the claim
 * {@code minxin.gateway.oidc.username-claim}): the account, opened by an operator, gives role and scope, so one
 * identity model holds for keys, passwords and the provider alike. Spring Security runs on {@code /console/oauth2/**}
 * only; everything else keeps the gateway's own filters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcSettings.class)
class OidcSignIn {

    @Bean
    IdentityProviders identityProviders(ObjectProvider<ReactiveClientRegistrationRepository> configured) {
        return IdentityProviders.of(configured.getIfAvailable());
    }

    /**
     * The one security chain of the gateway. Without it Spring Boot would secure every path with its own login;
     * with it, requests of other paths pass by untouched.
     */
    @Bean
    SecurityWebFilterChain identityProviderSignIn(
            ServerHttpSecurity http,
            IdentityProviders providers,
            ObjectProvider<ConsoleSessions> sessions,
            OidcSettings oidc,
            AccountSettings settings) {
        http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(IdentityProviders.PATHS + "**"))
                // the flow's state parameter, bound to the browser (OidcAuthorizationRequests), is its CSRF defence
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // the gateway's own filter sets the security headers of every answer
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // the console session is the sign-in; Spring Security keeps no context of its own
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll());
        if (providers.any()) {
            ReactiveClientRegistrationRepository repository = providers.repository();
            DefaultServerOAuth2AuthorizationRequestResolver requests =
                    new DefaultServerOAuth2AuthorizationRequestResolver(
                            repository, ServerWebExchangeMatchers.pathMatchers(IdentityProviders.AUTHORIZATION));
            requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login.clientRegistrationRepository(repository)
                    .authorizationRequestResolver(requests)
                    .authorizationRequestRepository(
                            new OidcAuthorizationRequests(Randomness.drbg(), settings.secureCookie()))
                    .authenticationMatcher(ServerWebExchangeMatchers.pathMatchers(IdentityProviders.CALLBACK))
                    .authenticationSuccessHandler(signedIn(sessions, oidc))
                    .authenticationFailureHandler(
                            new RedirectServerAuthenticationFailureHandler(ConsoleSessions.SIGN_IN + "?error=oidc")));
        }
        return http.build();
    }

    private static ServerAuthenticationSuccessHandler signedIn(
            ObjectProvider<ConsoleSessions> sessions, OidcSettings oidc) {
        return (exchange, authentication) -> {
            OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
            String username =
                    token.getPrincipal() instanceof OidcUser user ? user.getClaimAsString(oidc.usernameClaim()) : null;
            if (username == null) {
                return ConsoleSessions.redirect(exchange.getExchange(), ConsoleSessions.SIGN_IN + "?error=no-account");
            }
            return sessions.getObject()
                    .signInVouched(exchange.getExchange(), username, token.getAuthorizedClientRegistrationId());
        };
    }
}
