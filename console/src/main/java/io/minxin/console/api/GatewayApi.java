package io.minxin.console.api;

import io.minxin.console.ConsoleSettings;
import io.minxin.events.EventJson;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway's {@code /api/v1/**} as the console calls it: Reactor Netty, the contract's JSON mapper, the person's
 * token relayed ({@link TokenRelay}), and every answer that is not a success turned into an {@link ApiFailure}.
 * The service clients ({@link MetricsClient}, {@link RankingClient}, {@link NoticeClient}) build on it.
 */
@Component
public class GatewayApi {
    /** A bulletin DOCX is a few hundred KiB; answers are held whole. */
    private static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final WebClient client;
    private final ConsoleSettings settings;

    public GatewayApi(ConsoleSettings settings) {
        this.settings = settings;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()))
                .responseTimeout(settings.timeout());
        this.client = WebClient.builder()
                .baseUrl(settings.gatewayUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> {
                    codecs.defaultCodecs().maxInMemorySize(MAX_ANSWER_BYTES);
                    codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(EventJson.mapper()));
                    codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(EventJson.mapper()));
                })
                .filter(TokenRelay.outgoing())
                .build();
    }

    <T> Mono<T> get(Function<UriBuilder, URI> uri, Class<T> type) {
        return checked(json(uri).bodyToMono(type));
    }

    <T> Mono<T> get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        return checked(json(uri).bodyToMono(type));
    }

    private WebClient.ResponseSpec json(Function<UriBuilder, URI> uri) {
        return client.get()
                .uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .onStatus(HttpStatusCode::isError, GatewayApi::failure);
    }

    /** A document as the API sends it: bytes, content type and disposition kept. */
    Mono<ResponseEntity<byte[]>> document(Function<UriBuilder, URI> uri) {
        return checked(client.get()
                .uri(uri)
                .retrieve()
                .onStatus(HttpStatusCode::isError, GatewayApi::failure)
                .toEntity(byte[].class));
    }

    <T> Mono<T> post(Function<UriBuilder, URI> uri, Object body, Class<T> type) {
        return send(HttpMethod.POST, uri, body, type);
    }

    <T> Mono<T> put(Function<UriBuilder, URI> uri, Object body, Class<T> type) {
        return send(HttpMethod.PUT, uri, body, type);
    }

    /** A DELETE whose success has no body (204). */
    Mono<Void> delete(Function<UriBuilder, URI> uri) {
        return checked(client.delete()
                .uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .onStatus(HttpStatusCode::isError, GatewayApi::failure)
                .toBodilessEntity()
                .then());
    }

    /** A partial update ({@code PATCH}): the body names only what changes. */
    <T> Mono<T> patch(Function<UriBuilder, URI> uri, Object body, Class<T> type) {
        return send(HttpMethod.PATCH, uri, body, type);
    }

    <T> Mono<T> post(Function<UriBuilder, URI> uri, Object body, ParameterizedTypeReference<T> type) {
        return checked(sent(HttpMethod.POST, uri, body).bodyToMono(type));
    }

    private <T> Mono<T> send(HttpMethod method, Function<UriBuilder, URI> uri, Object body, Class<T> type) {
        return checked(sent(method, uri, body).bodyToMono(type));
    }

    private WebClient.ResponseSpec sent(HttpMethod method, Function<UriBuilder, URI> uri, Object body) {
        return client.method(method)
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .onStatus(HttpStatusCode::isError, GatewayApi::failure);
    }

    private <T> Mono<T> checked(Mono<T> call) {
        return call.timeout(settings.timeout().plusSeconds(1))
                .onErrorMap(failure -> !(failure instanceof ApiFailure), ApiFailure::unavailable);
    }

    private static Mono<? extends Throwable> failure(ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(String.class).defaultIfEmpty("").map(body -> ApiFailure.of(status, body));
    }
}
