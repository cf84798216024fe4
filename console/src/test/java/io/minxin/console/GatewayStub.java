package io.minxin.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway's API as the console's tests need it: a real Reactor Netty server on a free port of loopback that
 * answers what a test told it to ({@code GET /api/v1/overview?period=2020-09} exactly, else the path alone), 404
 * problem JSON for everything else, and remembers every call with its {@code Authorization} and body.
 */
public final class GatewayStub {
    private static final GatewayStub SHARED = new GatewayStub();

    /** What the stub answers to one request. */
    public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {}

    /** One request the console made. */
    public record Call(String method, String uri, String authorization, String body) {}

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Predicate<Call> ofThisTest = call -> true;
    private final DisposableServer server;

    private GatewayStub() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            String method = request.method().name();
                            calls.add(new Call(
                                    method,
                                    request.uri(),
                                    request.requestHeaders().get("Authorization"),
                                    body));
                            Answer answer = answerTo(method, request.uri());
                            response.status(answer.status()).header("Content-Type", answer.contentType());
                            answer.headers().forEach(response::header);
                            return response.sendByteArray(Mono.just(answer.body()))
                                    .then();
                        }))
                .bindNow();
    }

    public static GatewayStub shared() {
        return SHARED;
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Forgets every answer and call (of a test in its middle: which calls are the test's stays as it was). */
    public void reset() {
        answers.clear();
        calls.clear();
    }

    /**
     * Forgets every answer and call, and from now on lists only the calls {@code ofThisTest} accepts: a call a former
     * test's page had started (a sibling of a failed call, cancelled by the console but already on its way) may still
     * arrive, and must not count as this test's.
     */
    public void reset(Predicate<Call> ofThisTest) {
        answers.clear();
        calls.clear();
        this.ofThisTest = ofThisTest;
    }

    /** {@code request} is {@code "GET /api/v1/overview?period=2020-09"} (exact) or {@code "GET /api/v1/reviews"}. */
    public GatewayStub json(String request, int status, String json) {
        String type = status >= 400 ? "application/problem+json" : "application/json";
        answers.put(request, new Answer(status, type, json.getBytes(StandardCharsets.UTF_8), Map.of()));
        return this;
    }

    public GatewayStub json(String request, String json) {
        return json(request, 200, json);
    }

    public GatewayStub bytes(String request, String contentType, byte[] body, Map<String, String> headers) {
        answers.put(request, new Answer(200, contentType, body, headers));
        return this;
    }

    /** An error answer in the APIs' problem shape. */
    public GatewayStub problem(String request, int status, String detail) {
        return json(
                request, status, "{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    public List<Call> calls() {
        return calls.stream().filter(ofThisTest).toList();
    }

    public List<Call> calls(String method, String pathPrefix) {
        return calls.stream()
                .filter(ofThisTest)
                .filter(call -> call.method().equals(method) && call.uri().startsWith(pathPrefix))
                .toList();
    }

    private Answer answerTo(String method, String uri) {
        Answer exact = answers.get(method + " " + uri);
        if (exact != null) {
            return exact;
        }
        int query = uri.indexOf('?');
        Answer byPath = answers.get(method + " " + (query < 0 ? uri : uri.substring(0, query)));
        if (byPath != null) {
            return byPath;
        }
        return new Answer(
                404,
                "application/problem+json",
                ("{\"type\":\"about:blank\",\"status\":404,\"detail\":\"nothing at " + uri + "\"}")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
    }
}
