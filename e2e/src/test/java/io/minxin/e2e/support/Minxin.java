package io.minxin.e2e.support;

import static org.awaitility.Awaitility.await;

import io.minxin.demo.DemoMonth;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.localstack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole of Minxin for one test JVM: the local stack in this process (so fault tests can stop and start the
 * broker and MongoDB) and the five services as separate processes on free ports, with API keys generated for
 * this run. Started once, on first use, and shared by every test class (see {@link MinxinExtension}).
 */
public final class Minxin implements AutoCloseable {
    private static final String SIGNING_KEYS = "signing-keys.json";
    private static final String PUBLIC_KEYS = "public-keys.json";
    private static final Logger log = LoggerFactory.getLogger(Minxin.class);
    /** The earliest month a test files disputes for (AccessMatrixIT's May 2020). */
    private static final YearMonth EARLIEST_MONTH = YearMonth.of(2020, 5);

    private static Minxin shared;
    private static RuntimeException startFailure;

    private final Path workDir;
    private final LocalStack stack;
    private final ApiKeys keys;
    private final Map<Service, ServiceProcess> services;
    private final WebhookReceiver webhooks;

    private Minxin(
            Path workDir,
            LocalStack stack,
            ApiKeys keys,
            Map<Service, ServiceProcess> services,
            WebhookReceiver webhooks) {
        this.workDir = workDir;
        this.stack = stack;
        this.keys = keys;
        this.services = services;
        this.webhooks = webhooks;
    }

    /** The running system, started on the first call; a failed start fails every later call the same way. */
    public static synchronized Minxin get() {
        if (startFailure != null) {
            throw new IllegalStateException("Minxin did not start earlier in this run", startFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return shared;
    }

    static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /**
     * A Minxin of its own, apart from the shared one, every service started with {@code environment} added to what
     * {@link #get()} sets (e.g. another cut-off day), its services' logs named {@code <name>-<service>.log}; the
     * caller closes it.
     */
    public static Minxin startWith(String name, Map<String, String> environment) {
        return start(name + "-", environment, EnumSet.allOf(Service.class));
    }

    /**
     * As {@link #startWith}, with only {@code services} running, e.g. metrics, ranking and notice for a replay read
     * through the services' own ports ({@link #direct}); the others get ports and environments but no process.
     */
    public static Minxin startOnly(String name, Map<String, String> environment, Set<Service> running) {
        return start(name + "-", environment, EnumSet.copyOf(running));
    }

    private static Minxin start() {
        return start("", Map.of(), EnumSet.allOf(Service.class));
    }

    private static Minxin start(String logPrefix, Map<String, String> extraEnvironment, Set<Service> running) {
        E2eSettings settings = E2eSettings.fromSystemProperties();
        Map<Service, Path> jars = settings.requireJars();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("minxin-e2e-");
            Files.createDirectories(settings.logs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the e2e directories", e);
        }
        LocalStack stack = LocalStack.start(LocalStack.Settings.freePorts(workDir.resolve("stack")));
        log.info(
                "local stack: kafka={} mongodb={}",
                stack.endpoints().bootstrapServers(),
                stack.endpoints().mongoUri());
        ApiKeys keys = ApiKeys.generate();
        Path identity = identityKeys(jars.get(Service.GATEWAY), workDir.resolve("identity"));
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePort.pick());
        }
        Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
        for (Service service : running) {
            Path logFile = settings.logs().resolve(logPrefix + service.artifact() + ".log");
            deleteIfExists(logFile);
            Map<String, String> environment = environment(service, stack, ports, keys, identity, workDir);
            environment.putAll(extraEnvironment);
            services.put(
                    service,
                    new ServiceProcess(
                            service, copy(jars.get(service), workDir), ports.get(service), environment, logFile));
        }
        Minxin minxin = new Minxin(workDir, stack, keys, services, WebhookReceiver.start());
        try {
            services.values().forEach(ServiceProcess::start);
            ServiceProcess.awaitHealthy(services.values());
        } catch (RuntimeException e) {
            minxin.close();
            throw e;
        }
        log.info(
                "Minxin up: {}",
                services.values().stream()
                        .map(process -> process.service().artifact() + " :" + process.port())
                        .toList());
        return minxin;
    }

    private static Map<String, String> environment(
            Service service, LocalStack stack, Map<Service, Integer> ports, ApiKeys keys, Path identity, Path workDir) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SERVER_PORT", String.valueOf(ports.get(service)));
        // the gateway signs with the private set; a service verifies with the public one, as with run.sh
        if (service == Service.GATEWAY) {
            environment.put(
                    "MINXIN_GATEWAY_IDENTITY_SIGNING_KEYS",
                    identity.resolve(SIGNING_KEYS).toString());
        } else {
            environment.put(
                    "MINXIN_IDENTITY_PUBLIC_KEYS",
                    identity.resolve(PUBLIC_KEYS).toUri().toString());
        }
        environment.put("MINXIN_KAFKA_BOOTSTRAP", stack.endpoints().bootstrapServers());
        environment.put("MINXIN_MONGODB_URI", stack.endpoints().mongoUri());
        environment.put(
                "MINXIN_METRICS_STREAMS_STATE_DIR",
                workDir.resolve(service.artifact() + "-state").toString());
        if (service == Service.RANKING) {
            // Periods of 2020 are long over: the tests close them themselves, never the scheduler mid-test.
            environment.put("MINXIN_RANKING_AUTO_CLOSE_ENABLED", "false");
        }
        if (service == Service.NOTICE) {
            // The duty check judges the reference month only, once its log-ins have been consumed (as run.sh).
            YearMonth month = DemoMonth.DEFAULT_MONTH;
            environment.put("MINXIN_NOTICE_DUTY_SINCE", month.atDay(1).toString());
            environment.put("MINXIN_NOTICE_DUTY_UNTIL", month.atEndOfMonth().toString());
            // the test's webhook receivers listen on loopback, which webhooks reach only when allowed
            environment.put("MINXIN_NOTICE_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32");
            // Disputes of the tests' months of 2020 may be filed today: the window reaches a little past now.
            environment.put(
                    "MINXIN_NOTICE_DISPUTES_WINDOW_WORKING_DAYS",
                    String.valueOf(weekdaysSince(EARLIEST_MONTH.atEndOfMonth()) + 20));
        }
        if (service == Service.CONSOLE) {
            // the console calls the APIs through the gateway, relaying each page's identity token
            environment.put("MINXIN_CONSOLE_GATEWAY_URL", local(ports.get(Service.GATEWAY)));
        }
        if (service == Service.GATEWAY) {
            environment.put("MINXIN_GATEWAY_SERVICES_INTAKE", local(ports.get(Service.INTAKE)));
            environment.put("MINXIN_GATEWAY_SERVICES_METRICS", local(ports.get(Service.METRICS)));
            environment.put("MINXIN_GATEWAY_SERVICES_RANKING", local(ports.get(Service.RANKING)));
            environment.put("MINXIN_GATEWAY_SERVICES_NOTICE", local(ports.get(Service.NOTICE)));
            environment.put("MINXIN_GATEWAY_SERVICES_CONSOLE", local(ports.get(Service.CONSOLE)));
            environment.put("MINXIN_GATEWAY_ACCOUNTS_BOOTSTRAP_OPERATOR_PASSWORD", keys.operatorPassword());
            environment.put("MINXIN_BOOTSTRAP_OPERATOR_KEY", keys.operator());
            environment.put("MINXIN_BOOTSTRAP_INTEGRATION_KEY", keys.integration());
            environment.put("MINXIN_BOOTSTRAP_DASHBOARD_KEY", keys.dashboard());
        }
        return environment;
    }

    /**
     * Weekdays after {@code day} up to today (Asia/Shanghai): no fewer than the working days, which lose more holidays
     * than they gain make-up days, and countable in any year, whether the calendar covers it or not.
     */
    private static int weekdaysSince(LocalDate day) {
        LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
        int days = 0;
        for (LocalDate date = day.plusDays(1); !date.isAfter(today); date = date.plusDays(1)) {
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    /**
     * A key issued by the operator through the gateway ({@code POST /api/v1/keys}), e.g. a dashboard key of scope
     * {@code unit:<id>} as a 承办单位's liaison is given one; returns the key.
     */
    public String issueKey(String name, String role, String scope) {
        Response issued = gateway()
                .post(
                        "api/v1/keys",
                        keys.operator(),
                        "application/json",
                        Json.write(Map.of("name", name, "roles", List.of(role), "scope", scope))
                                .getBytes(StandardCharsets.UTF_8));
        if (issued.status() != 201 || !scope.equals(issued.json().path("scope").asString())) {
            throw new AssertionError("issue " + scope + ": " + issued);
        }
        return issued.json().path("key").asString();
    }

    /**
     * The run's identity-token keys, made by the gateway jar's own command ({@code IdentityKeys generate}) as
     * {@code run.sh} makes them; returns their directory.
     */
    private static Path identityKeys(Path gatewayJar, Path dir) {
        Commands.Result result = Commands.run(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                gatewayJar.toString(),
                "-Dloader.main=io.minxin.gateway.identity.IdentityKeys",
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                "generate",
                dir.toString()));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("IdentityKeys generate failed: " + result.output());
        }
        return dir;
    }

    /**
     * A client of a service's own port that sends, with every request, a fresh identity token of {@code role} and
     * scope all signed with this run's key, as the gateway would: for tests that must bypass the gateway.
     */
    public Api direct(Service service, Role role) {
        IdentityTokens tokens = IdentityTokens.signedWith(signingKeys());
        return service(service).api().authorizedBy(() -> tokens.bearer(role, Scope.ALL, service));
    }

    /** The file of this run's private signing keys (the gateway's), for tests that forge or hand-make tokens. */
    public Path signingKeys() {
        return workDir.resolve("identity").resolve(SIGNING_KEYS);
    }

    private static String local(int port) {
        return "http://127.0.0.1:" + port;
    }

    public LocalStack stack() {
        return stack;
    }

    public ApiKeys keys() {
        return keys;
    }

    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    /** The gateway: every user-facing call of the tests goes through it. */
    public Api gateway() {
        return service(Service.GATEWAY).api();
    }

    /** A generic webhook receiver an operator can subscribe notice-service to. */
    public WebhookReceiver webhooks() {
        return webhooks;
    }

    /** An operator subscribes a generic JSON webhook at {@code url} to the 较差件 (PUSHBACK_CONFIRMED). */
    public Response subscribeToPushbacks(String name, String url) {
        return gateway()
                .post(
                        "api/v1/subscriptions",
                        keys.operator(),
                        "application/json",
                        Json.write(Map.of(
                                        "name",
                                        name,
                                        "kind",
                                        "GENERIC",
                                        "url",
                                        url,
                                        "types",
                                        List.of("PUSHBACK_CONFIRMED")))
                                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The operator issues the bulletin of {@code period}, retrying a 503 (a service not ready yet) as a client does;
     * the first other answer.
     */
    public Response issueBulletin(String period) {
        return await("the operator issues " + period + " (retrying 503 as a client does)")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> gateway()
                                .post(
                                        "api/v1/bulletins/" + period + "/issue",
                                        keys.operator(),
                                        "application/json",
                                        "{}".getBytes(StandardCharsets.UTF_8)),
                        response -> response.status() != 503);
    }

    public String kafkaBootstrap() {
        return stack.endpoints().bootstrapServers();
    }

    /** Stops the services (gateway first, intake last), then the stack, and removes the temporary data. */
    @Override
    public void close() {
        List<ServiceProcess> stopping = new ArrayList<>(services.values());
        Collections.reverse(stopping);
        stopping.forEach(ServiceProcess::stop);
        webhooks.close();
        try {
            stack.close();
        } finally {
            deleteRecursively(workDir);
        }
    }

    /**
     * A copy of the jar in the run's directory: a restart in a fault test then runs the same build, even when the
     * module is rebuilt meanwhile.
     */
    private static Path copy(Path jar, Path workDir) {
        try {
            Path copy = workDir.resolve("jars").resolve(jar.getFileName());
            Files.createDirectories(copy.getParent());
            return Files.copy(jar, copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar, e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not remove {}: {}", dir, e.toString());
        }
    }
}
