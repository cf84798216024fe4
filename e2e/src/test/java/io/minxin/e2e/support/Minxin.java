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
    /** The running instances of each service, instance 1 first. */
    private final Map<Service, List<ServiceProcess>> services;

    private final WebhookReceiver webhooks;

    private Minxin(
            Path workDir,
            LocalStack stack,
            ApiKeys keys,
            Map<Service, List<ServiceProcess>> services,
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
     * The shape of a Minxin of its own: how many brokers, how many instances of which services, and what is added
     * to their environments.
     *
     * @param name the prefix of its services' log files ({@code <name>-<service>[-<instance>].log}); empty for the
     *     shared Minxin
     * @param brokers Kafka brokers of its local stack (3: a cluster that serves on with one down)
     * @param instances processes of each running service; a service not in it gets a port and no process
     * @param environment added to every service's environment
     * @param serviceEnvironment added to one service's environment, after {@code environment}
     */
    public record Layout(
            String name,
            int brokers,
            Map<Service, Integer> instances,
            Map<String, String> environment,
            Map<Service, Map<String, String>> serviceEnvironment) {

        public Layout {
            instances = Map.copyOf(instances);
            environment = Map.copyOf(environment);
            serviceEnvironment = Map.copyOf(serviceEnvironment);
            if (instances.values().stream().anyMatch(count -> count < 1)) {
                throw new IllegalArgumentException("a running service has one instance at least: " + instances);
            }
        }

        /** One broker, one instance of each of {@code running}, nothing added. */
        public static Layout of(String name, Set<Service> running) {
            Map<Service, Integer> instances = new EnumMap<>(Service.class);
            running.forEach(service -> instances.put(service, 1));
            return new Layout(name, 1, instances, Map.of(), Map.of());
        }

        public Layout withBrokers(int count) {
            return new Layout(name, count, instances, environment, serviceEnvironment);
        }

        /** {@code count} instances of each of {@code running}, on ports of their own. */
        public Layout withInstances(int count, Set<Service> running) {
            Map<Service, Integer> more = new EnumMap<>(Service.class);
            more.putAll(instances);
            running.forEach(service -> more.put(service, count));
            return new Layout(name, brokers, more, environment, serviceEnvironment);
        }

        public Layout withEnvironment(Map<String, String> added) {
            Map<String, String> all = new HashMap<>(environment);
            all.putAll(added);
            return new Layout(name, brokers, instances, all, serviceEnvironment);
        }

        public Layout withEnvironment(Service service, Map<String, String> added) {
            Map<Service, Map<String, String>> all = new EnumMap<>(Service.class);
            all.putAll(serviceEnvironment);
            Map<String, String> its = new HashMap<>(serviceEnvironment.getOrDefault(service, Map.of()));
            its.putAll(added);
            all.put(service, its);
            return new Layout(name, brokers, instances, environment, all);
        }

        int instancesOf(Service service) {
            return instances.getOrDefault(service, 0);
        }
    }

    /**
     * A Minxin of its own, apart from the shared one, every service started with {@code environment} added to what
     * {@link #get()} sets (e.g. another cut-off day), its services' logs named {@code <name>-<service>.log}; the
     * caller closes it.
     */
    public static Minxin startWith(String name, Map<String, String> environment) {
        return start(Layout.of(name, EnumSet.allOf(Service.class)).withEnvironment(environment));
    }

    /**
     * As {@link #startWith}, with only {@code services} running, e.g. metrics, ranking and notice for a replay read
     * through the services' own ports ({@link #direct}); the others get ports and environments but no process.
     */
    public static Minxin startOnly(String name, Map<String, String> environment, Set<Service> running) {
        return start(Layout.of(name, running).withEnvironment(environment));
    }

    private static Minxin start() {
        return start(Layout.of("", EnumSet.allOf(Service.class)));
    }

    /**
     * A Minxin of its own laid out as {@code layout}; the caller closes it. Instance {@code i} of the gateway routes
     * to instance {@code i} of each service (the last one where it has fewer), as two gateway pods each beside
     * their own set of services would: a client that gets no answer from one gateway tries the other.
     */
    public static Minxin start(Layout layout) {
        E2eSettings settings = E2eSettings.fromSystemProperties();
        Map<Service, Path> jars = settings.requireJars();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("minxin-e2e-");
            Files.createDirectories(settings.logs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the e2e directories", e);
        }
        LocalStack.Settings stackSettings =
                LocalStack.Settings.freePorts(workDir.resolve("stack")).withBrokers(layout.brokers());
        // a cluster's brokers each in a JVM of their own, so that a fault test can kill -9 one (KafkaBroker.kill)
        LocalStack stack =
                LocalStack.start(layout.brokers() > 1 ? stackSettings.withBrokersInChildProcesses() : stackSettings);
        log.info(
                "local stack: kafka={} mongodb={}",
                stack.endpoints().bootstrapServers(),
                stack.endpoints().mongoUri());
        ApiKeys keys = ApiKeys.generate();
        Path identity = identityKeys(jars.get(Service.GATEWAY), workDir.resolve("identity"));
        Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            List<Integer> its = new ArrayList<>();
            for (int instance = 1; instance <= Math.max(1, layout.instancesOf(service)); instance++) {
                its.add(FreePort.pick());
            }
            ports.put(service, its);
        }
        String logPrefix = layout.name().isEmpty() ? "" : layout.name() + "-";
        Map<Service, List<ServiceProcess>> services = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Path jar = layout.instancesOf(service) == 0 ? null : copy(jars.get(service), workDir);
            for (int instance = 1; instance <= layout.instancesOf(service); instance++) {
                Path logFile = settings.logs()
                        .resolve(logPrefix + service.artifact() + (instance == 1 ? "" : "-" + instance) + ".log");
                deleteIfExists(logFile);
                Map<String, String> environment = environment(service, instance, stack, ports, keys, identity, workDir);
                environment.putAll(layout.environment());
                environment.putAll(layout.serviceEnvironment().getOrDefault(service, Map.of()));
                services.computeIfAbsent(service, any -> new ArrayList<>())
                        .add(new ServiceProcess(
                                service, instance, jar, ports.get(service).get(instance - 1), environment, logFile));
            }
        }
        Minxin minxin = new Minxin(workDir, stack, keys, services, WebhookReceiver.start());
        try {
            // instance by instance: the second of each starts on a system the first has set up (topics, indexes,
            // the bootstrap keys), as a scaled-out deployment grows
            for (int instance = 1; ; instance++) {
                int index = instance - 1;
                List<ServiceProcess> wave = services.values().stream()
                        .filter(its -> its.size() > index)
                        .map(its -> its.get(index))
                        .toList();
                if (wave.isEmpty()) {
                    break;
                }
                wave.forEach(ServiceProcess::start);
                ServiceProcess.awaitHealthy(wave);
            }
        } catch (RuntimeException e) {
            minxin.close();
            throw e;
        }
        log.info(
                "Minxin up: {}",
                minxin.services().stream()
                        .map(process -> process.name() + " :" + process.port())
                        .toList());
        return minxin;
    }

    private static Map<String, String> environment(
            Service service,
            int instance,
            LocalStack stack,
            Map<Service, List<Integer>> ports,
            ApiKeys keys,
            Path identity,
            Path workDir) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SERVER_PORT", String.valueOf(port(ports, service, instance)));
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
                workDir.resolve(service.artifact() + "-state" + (instance == 1 ? "" : "-" + instance))
                        .toString());
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
            environment.put("MINXIN_CONSOLE_GATEWAY_URL", local(port(ports, Service.GATEWAY, instance)));
        }
        if (service == Service.GATEWAY) {
            environment.put("MINXIN_GATEWAY_SERVICES_INTAKE", local(port(ports, Service.INTAKE, instance)));
            environment.put("MINXIN_GATEWAY_SERVICES_METRICS", local(port(ports, Service.METRICS, instance)));
            environment.put("MINXIN_GATEWAY_SERVICES_RANKING", local(port(ports, Service.RANKING, instance)));
            environment.put("MINXIN_GATEWAY_SERVICES_NOTICE", local(port(ports, Service.NOTICE, instance)));
            environment.put("MINXIN_GATEWAY_SERVICES_CONSOLE", local(port(ports, Service.CONSOLE, instance)));
            environment.put("MINXIN_GATEWAY_ACCOUNTS_BOOTSTRAP_OPERATOR_PASSWORD", keys.operatorPassword());
            environment.put("MINXIN_BOOTSTRAP_OPERATOR_KEY", keys.operator());
            environment.put("MINXIN_BOOTSTRAP_INTEGRATION_KEY", keys.integration());
            environment.put("MINXIN_BOOTSTRAP_DASHBOARD_KEY", keys.dashboard());
        }
        return environment;
    }

    /** Instance {@code instance}'s port of {@code service}, or its last instance's when it has fewer. */
    private static int port(Map<Service, List<Integer>> ports, Service service, int instance) {
        List<Integer> its = ports.get(service);
        return its.get(Math.min(instance, its.size()) - 1);
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
        return direct(service(service), role);
    }

    /** As {@link #direct(Service, Role)}, to one instance of a service that runs more than one. */
    public Api direct(ServiceProcess instance, Role role) {
        IdentityTokens tokens = IdentityTokens.signedWith(signingKeys());
        return instance.api().authorizedBy(() -> tokens.bearer(role, Scope.ALL, instance.service()));
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

    /** The service's first instance. */
    public ServiceProcess service(Service service) {
        return instances(service).get(0);
    }

    /** Every instance of the service, instance 1 first; empty when it does not run. */
    public List<ServiceProcess> instances(Service service) {
        return List.copyOf(services.getOrDefault(service, List.of()));
    }

    /** Every instance of every running service. */
    public List<ServiceProcess> services() {
        return services.values().stream().flatMap(List::stream).toList();
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
        List<ServiceProcess> stopping = new ArrayList<>(services());
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
