package io.minxin.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.minxin.gateway.identity.TestSigningKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for a downstream service on a free port. It answers every request with what it received (service,
 * method, path, the identity token decoded and checked against the gateway tests' public keys, any unsigned identity
 * header, whether an API key came through, body size), and {@code /v3/api-docs} with a minimal OpenAPI document;
 * or, when hanging, never answers until closed. The token of the last request to each path is kept. An echo of the caller is
 * {@code Cache-Control: private}, as any answer that depends on who asks must be; a request with the query
 * {@code shared=true} gets an answer without it, like the real read APIs. Requests are counted by path and query.
 */
public final class DownstreamStub implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm and the client's delayed ACK each
        // answer waited about 40 ms. Read once, when the JDK server's configuration is first loaded.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String service;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> tokens = new ConcurrentHashMap<>();

    private DownstreamStub(String service, boolean hanging) {
        this.service = service;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", hanging ? this::hang : this::echo);
        server.setExecutor(executor);
        server.start();
    }

    public static DownstreamStub answering(String service) {
        return new DownstreamStub(service, false);
    }

    public static DownstreamStub hanging(String service) {
        return new DownstreamStub(service, true);
    }

    /** A URI where nothing listens, so connections are refused. */
    public static String refusedUri() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void echo(HttpExchange exchange) throws IOException {
        long bodyBytes;
        try (InputStream body = exchange.getRequestBody()) {
            bodyBytes = body.transferTo(OutputStream.nullOutputStream());
        }
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.computeIfAbsent(query == null ? path : path + "?" + query, k -> new AtomicInteger())
                .incrementAndGet();
        List<String> authorizations = headerValues(exchange, "Authorization");
        Map<String, Object> token =
                authorizations.size() == 1 && authorizations.get(0).startsWith("Bearer ")
                        ? TestSigningKeys.decode(
                                authorizations.get(0).substring("Bearer ".length()),
                                TestSigningKeys.publicKeys(TestSigningKeys.directory()))
                        : Map.of();
        tokens.put(path, token);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (path.equals("/v3/api-docs")) {
            answer.put("openapi", "3.1.0");
            answer.put("info", Map.of("title", service, "version", "test"));
            answer.put("paths", Map.of());
        } else {
            answer.put("service", service);
            answer.put("method", exchange.getRequestMethod());
            answer.put("path", path);
            answer.put("authorizations", authorizations.size());
            answer.put("token", token);
            answer.put("unsignedIdentity", unsignedIdentity(exchange));
            answer.put("apiKeyForwarded", exchange.getRequestHeaders().containsKey("X-Api-Key"));
            answer.put("cookieForwarded", exchange.getRequestHeaders().containsKey("Cookie"));
            // the console's stand-in: what it would render into a page, and relay back to the APIs
            answer.put("consoleCsrf", exchange.getRequestHeaders().getFirst("X-Minxin-Csrf"));
            answer.put("signInProviders", exchange.getRequestHeaders().getFirst("X-Minxin-Sign-In-Providers"));
            answer.put(
                    "bearer", authorizations.size() == 1 ? authorizations.get(0).substring("Bearer ".length()) : null);
            answer.put("bodyBytes", bodyBytes);
        }
        byte[] bytes = JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (query == null || !query.contains("shared=true")) {
            exchange.getResponseHeaders().set("Cache-Control", "private");
        }
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** How many requests reached this stub at {@code pathAndQuery} (the raw path, then {@code ?query} if any). */
    public int requestsTo(String pathAndQuery) {
        AtomicInteger count = requests.get(pathAndQuery);
        return count == null ? 0 : count.get();
    }

    /** The claims (and {@code kid}, {@code alg}, {@code verified}) of the last token that reached {@code path}. */
    public Map<String, Object> lastTokenAt(String path) {
        return tokens.getOrDefault(path, Map.of());
    }

    /** The identity headers services trusted before the signed token: none may ever arrive. */
    private static List<String> unsignedIdentity(HttpExchange exchange) {
        return exchange.getRequestHeaders().keySet().stream()
                .filter(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("x-minxin-"))
                .toList();
    }

    private static List<String> headerValues(HttpExchange exchange, String name) {
        List<String> values = exchange.getRequestHeaders().get(name);
        return values == null ? List.of() : values;
    }

    private void hang(HttpExchange exchange) throws IOException {
        try {
            closed.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
