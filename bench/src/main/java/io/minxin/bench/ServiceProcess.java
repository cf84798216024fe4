package io.minxin.bench;

import io.minxin.events.identity.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Minxin service started from its runnable jar in a JVM of its own, as in production. */
final class ServiceProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final String VERSION = "0.1.0-SNAPSHOT";

    /** The run's identity keys, given to every service it starts. */
    private static BenchIdentity identity;

    private final String name;
    private final int port;
    private final Process process;

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    static void useIdentity(BenchIdentity keys) {
        identity = keys;
    }

    /** {@code Authorization} of a direct call to {@code service} under {@code role}. */
    static String bearer(Role role, String service) {
        return identity.bearer(role, service);
    }

    static ServiceProcess start(Path repo, String name, int port, Map<String, String> env, Path logDir)
            throws IOException, InterruptedException {
        Path jar = repo.resolve(name).resolve("target").resolve(name + "-" + VERSION + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -B install -DskipTests first");
        }
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        // e.g. -Dbench.jvm.gateway="-XX:StartFlightRecording=filename=gw.jfr" to profile one service in a run
        String extra = System.getProperty("bench.jvm." + name, "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve(name + ".log").toFile());
        builder.environment().putAll(identity.environment(name));
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        ServiceProcess service = new ServiceProcess(name, port, builder.start());
        service.awaitHealthy(Duration.ofMinutes(3));
        return service;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log");
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    log.info("{} healthy on port {}", name, port);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout);
    }

    /** CPU time the service's JVM has used so far, all threads and the JVM's own included. */
    Duration cpu() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for " + name));
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
