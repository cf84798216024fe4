package io.minxin.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** A plain HTTP client for one base URI (the gateway, or a service directly), with the API key header. */
public final class Api {
    public static final String KEY_HEADER = "X-Api-Key";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final Supplier<String> authorization;

    public Api(URI base) {
        this(base, null);
    }

    private Api(URI base, Supplier<String> authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /**
     * This client with an {@code Authorization} header from {@code authorization} on every request, e.g. a fresh
     * identity token per call to a service's own port, as the gateway would send.
     */
    public Api authorizedBy(Supplier<String> authorization) {
        return new Api(base, authorization);
    }

    public URI base() {
        return base;
    }

    public URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** GET without an API key. */
    public Response get(String pathAndQuery) {
        return send(request(pathAndQuery, null).GET().build());
    }

    public Response get(String pathAndQuery, String apiKey) {
        return send(request(pathAndQuery, apiKey).GET().build());
    }

    public Response post(String pathAndQuery, String apiKey, String contentType, byte[] body) {
        return send(request(pathAndQuery, apiKey)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** POST without a body, e.g. an operator's command. */
    public Response post(String pathAndQuery, String apiKey) {
        return send(request(pathAndQuery, apiKey)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    public Response put(String pathAndQuery, String apiKey, String contentType, byte[] body) {
        return send(request(pathAndQuery, apiKey)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /**
     * Any method with the headers given and nothing else (no API key unless among them), e.g. a forged identity header
     * or a hand-made token sent to a service's own port; a null body sends none.
     */
    public Response send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder builder = request(pathAndQuery, null);
        headers.forEach(builder::header);
        return send(builder.method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    private HttpRequest.Builder request(String pathAndQuery, String apiKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization.get());
        }
        if (apiKey != null) {
            builder.header(KEY_HEADER, apiKey);
        }
        return builder;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }
}
