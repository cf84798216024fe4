package io.minxin.e2e.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service running as its own JVM ({@code java -jar <svc>-exec.jar}), its output appended to one log file.
 * Fault tests kill it with {@code kill -9} ({@link #kill()}) and start it again on the same port, environment
 * and state directory, as a supervisor would.
 */
public final class ServiceProcess {
    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String HEAP = "-Xmx384m";

    private final Service service;
    private final int instance;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Api api;
    private Process process;

    ServiceProcess(Service service, int instance, Path jar, int port, Map<String, String> environment, Path logFile) {
        this.service = service;
        this.instance = instance;
        this.jar = jar;
        this.port = port;
        this.environment = new HashMap<>(environment);
        this.logFile = logFile;
        this.api = new Api(URI.create("http://127.0.0.1:" + port + "/"));
    }

    public Service service() {
        return service;
    }

    /** 1 for the first (or only) instance of its service, 2 for the second. */
    public int instance() {
        return instance;
    }

    /** The artifact, with {@code #<instance>} after it from the second instance on: for logs and reports. */
    public String name() {
        return instance == 1 ? service.artifact() : service.artifact() + "#" + instance;
    }

    public int port() {
        return port;
    }

    /** Direct HTTP access, bypassing the gateway (actuator endpoints, fault checks). */
    public Api api() {
        return api;
    }

    /** Sets an environment variable for the next {@link #start()}, e.g. to restart with other settings. */
    public synchronized void environment(String name, String value) {
        environment.put(name, value);
    }

    /** Starts the JVM; returns at once (see {@link #awaitHealthy()}). */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name() + " is already running");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // A developer's shell may select a profile or point at other infrastructure: only ours applies.
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name(), e);
        }
        log.info("{} started (pid {}, port {}, log {})", name(), process.pid(), port, logFile);
    }

    /** Waits until {@code /actuator/health} answers 200; fails at once when the process has died. */
    public void awaitHealthy() {
        awaitHealthy(List.of(this));
    }

    /** Waits until all answer health 200, polling each in turn; fails at once when one of them has died. */
    public static void awaitHealthy(Collection<ServiceProcess> services) {
        Set<ServiceProcess> waiting = new LinkedHashSet<>(services);
        await("healthy: " + services.stream().map(ServiceProcess::name).toList())
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (Iterator<ServiceProcess> it = waiting.iterator(); it.hasNext(); ) {
                        ServiceProcess service = it.next();
                        if (service.healthy()) {
                            log.info("{} healthy", service.name());
                            it.remove();
                        }
                    }
                    return waiting.isEmpty();
                });
    }

    /** Whether the service answers health 200 now; throws when the process is gone. */
    public boolean healthy() {
        Process running = currentProcess();
        if (running == null || !running.isAlive()) {
            throw new IllegalStateException(name() + " is not running"
                    + (running == null ? "" : " (exit " + running.exitValue() + ")") + "; last log lines:\n"
                    + tail(40));
        }
        try {
            return api.get("actuator/health").status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** The process id of the running JVM (for jcmd). */
    public synchronized long pid() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name() + " is not running");
        }
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hooks, no flush, no commit. */
    public void kill() {
        Process running = currentProcess();
        if (running == null) {
            return;
        }
        running.destroyForcibly();
        waitFor(running, STOP_GRACE);
        log.info("{} killed (exit {})", name(), running.exitValue());
    }

    /** SIGTERM and wait for Spring's graceful shutdown; kills it when that takes too long. */
    public void stop() {
        Process running = currentProcess();
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        if (!waitFor(running, STOP_GRACE)) {
            log.warn("{} did not stop within {}; killing it", name(), STOP_GRACE);
            running.destroyForcibly();
            waitFor(running, STOP_GRACE);
        }
    }

    /** Starts it again after {@link #kill()} or {@link #stop()} and waits until healthy. */
    public void restart() {
        stop();
        start();
        awaitHealthy();
    }

    /** The last lines of the log, for failure messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private synchronized Process currentProcess() {
        return process;
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
