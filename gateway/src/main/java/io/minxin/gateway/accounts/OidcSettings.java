package io.minxin.gateway.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code minxin.gateway.oidc.*}: sign-in with a city's identity provider. The provider itself is Spring Boot's
 * {@code spring.security.oauth2.client.registration.<id>.*} and {@code …provider.<id>.issuer-uri}.
 *
 * @param usernameClaim the ID token claim naming the Minxin account the person signs in as
 */
@ConfigurationProperties("minxin.gateway.oidc")
record OidcSettings(@DefaultValue("preferred_username") String usernameClaim) {}
