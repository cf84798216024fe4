package io.minxin.gateway.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The identity providers a person may sign in with instead of a password (OIDC), as Spring Boot reads them from
 * {@code spring.security.oauth2.client.registration.<id>.*}: none unless a city configures one. Their way there and
 * back lies under {@link #PATHS}, so the session cookie (path {@code /console}) reaches the callback.
 */
final class IdentityProviders {
    static final String PATHS = "/console/oauth2/";
    static final String AUTHORIZATION = PATHS + "authorization/{registrationId}";
    static final String CALLBACK = PATHS + "code/{registrationId}";
    /** The sign-in page learns the providers to offer from this header: {@code id=name,…}, the name URL-encoded. */
    static final String ANNOUNCE_HEADER = "X-Minxin-Sign-In-Providers";

    private final List<ClientRegistration> registrations;

    private IdentityProviders(List<ClientRegistration> registrations) {
        this.registrations = List.copyOf(registrations);
    }

    /** The configured registrations, each with its callback under {@link #PATHS}; none without a repository. */
    static IdentityProviders of(ReactiveClientRegistrationRepository configured) {
        List<ClientRegistration> retargeted = new ArrayList<>();
        if (configured instanceof Iterable<?> all) {
            for (Object registration : all) {
                retargeted.add(ClientRegistration.withClientRegistration((ClientRegistration) registration)
                        .redirectUri("{baseUrl}" + CALLBACK)
                        .build());
            }
        }
        return new IdentityProviders(retargeted);
    }

    boolean any() {
        return !registrations.isEmpty();
    }

    ReactiveClientRegistrationRepository repository() {
        return new InMemoryReactiveClientRegistrationRepository(registrations);
    }

    /** The sign-in page's request, telling the console which providers to offer (a client's own copy never passes). */
    ServerWebExchange announce(ServerWebExchange exchange) {
        String offered = registrations.stream()
                .map(registration -> registration.getRegistrationId() + "="
                        + URLEncoder.encode(registration.getClientName(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
        return exchange.mutate()
                .request(request -> request.headers(headers -> {
                    headers.remove(ANNOUNCE_HEADER);
                    if (!offered.isEmpty()) {
                        headers.set(ANNOUNCE_HEADER, offered);
                    }
                }))
                .build();
    }

    /**
     * A page that moves on to {@code location} by itself: a navigation of a page of the console's own site, on which
     * the browser sends the SameSite=Strict session cookie it was just given.
     */
    static Mono<Void> continueTo(ServerWebExchange exchange, String location) {
        String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + location + "\"><title>正在进入 · 民心</title></head>"
                + "<body><p>统一身份认证已通过，正在进入<a href=\"" + location + "\">民心控制台</a>……</p></body></html>";
        var response = exchange.getResponse();
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        response.getHeaders().setCacheControl("no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
    }
}
