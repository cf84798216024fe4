package io.minxin.servicekit.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import reactor.core.publisher.Mono;

/**
 * Every WebFlux service verifies the gateway's identity token on every route but health and Prometheus: a Spring Security resource server over the gateway's public keys ({@link IdentitySettings}), the
 * roles of each route from the service's {@link RouteRoles}, and controllers given the {@code Caller}.
 *
 * <p>Active where the resource server is on the classpath (each service brings its starter); the gateway, which
 * signs the tokens, has none. Ordered before Spring Boot's security auto-configurations so that none of their
 * defaults (a generated user and password, a login form) come up beside this chain.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ServerHttpSecurity.class, BearerTokenServerAuthenticationEntryPoint.class})
@EnableWebFluxSecurity
@EnableConfigurationProperties(IdentitySettings.class)
public class IdentityAutoConfiguration {

    /**
     * Open without a token (GET and HEAD): probes and the Prometheus scrape. Everything else, the OpenAPI document
     * included (the gateway sends its own token for it), needs a token.
     */
    static final String[] OPEN_READS = {"/actuator/health/**", "/actuator/prometheus"};

    @Bean
    PublicKeySet identityPublicKeys(IdentitySettings settings, ResourceLoader resources) {
        return new PublicKeySet(
                resources.getResource(settings.publicKeys()), settings.reloadInterval(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder identityTokenDecoder(
            PublicKeySet keys,
            IdentitySettings settings,
            Environment environment,
            ObjectProvider<MeterRegistry> meters) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor)
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        OAuth2TokenValidator<Jwt> rules = CallerTokenRules.validator(
                settings.audienceOr(environment.getProperty("spring.application.name")), settings.clockSkew());
        decoder.setJwtValidator(rules);
        MeterRegistry registry = meters.getIfAvailable();
        Runnable countVerification = registry == null
                ? () -> {}
                : Counter.builder("minxin.identity.tokens.verified")
                        .description("Identity tokens whose signature this service verified (a token is"
                                + " verified once, then remembered until it expires)")
                        .register(registry)::increment;
        return new VerifiedTokens(decoder, rules, Clock.systemUTC(), countVerification);
    }

    @Bean
    @ConditionalOnMissingBean
    RouteRoles routeRoles() {
        return RouteRoles.anyRole();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain identityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, RouteRoles routes) {
        IdentityProblems problems = new IdentityProblems();
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // every call carries its own token: nothing is remembered between calls
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // the gateway decides what may be cached (its dashboard cache must be able to store answers)
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .exceptionHandling(
                        refusals -> refusals.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.GET, OPEN_READS).permitAll();
                    exchanges.pathMatchers(HttpMethod.HEAD, OPEN_READS).permitAll();
                    for (RouteRoles.Rule rule : routes.rules()) {
                        String[] roles = rule.roles().stream().map(Enum::name).toArray(String[]::new);
                        rule.methods().forEach(method -> {
                            ServerHttpSecurity.AuthorizeExchangeSpec.Access access =
                                    exchanges.pathMatchers(method, rule.path());
                            if (rule.open()) {
                                access.permitAll();
                            } else {
                                access.hasAnyRole(roles);
                            }
                        });
                    }
                    routes.guardedPaths()
                            .forEach(path -> exchanges.pathMatchers(path).denyAll());
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(
                                        token -> Mono.just(new CallerAuthentication(CallerTokenRules.caller(token))))))
                .build();
    }

    @Bean
    WebFluxConfigurer callerArgument() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver());
            }
        };
    }
}
