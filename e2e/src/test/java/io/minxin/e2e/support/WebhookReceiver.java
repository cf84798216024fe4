package io.minxin.e2e.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A generic webhook receiver in the test JVM: answers 204 and keeps every JSON body it was sent. */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<JsonNode> received = new ArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        return start(0);
    }

    /** A receiver on {@code port} (0: any free one), e.g. one that was down and comes back where it was. */
    public static WebhookReceiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    receiver.keep(body.readAllBytes());
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook receiver", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Every body received so far, in order. */
    public synchronized List<JsonNode> received() {
        return List.copyOf(received);
    }

    private synchronized void keep(byte[] body) {
        received.add(Json.read(body));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
