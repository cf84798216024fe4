package io.minxin.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Topics;
import io.minxin.localstack.KafkaAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The identities of deploy/ without Docker or a cluster, as data: KafkaAccess's ACLs cover every topic each service's
 * bindings use and name only topics of {@link Topics}; compose and k8s give every service its own Kafka principal and
 * MongoDB user (with its own database) and the gateway alone the private token keys; compose's files address each
 * service at its one port of {@code x-ports}. (DeployChecksIT needs the running services; these checks do not.)
 */
class DeployIdentitiesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Each service with a MongoDB database, and that database (its minxin.mongodb.database default). */
    private static final Map<String, String> DATABASES = Map.of(
            KafkaAccess.GATEWAY, "minxin_gateway",
            KafkaAccess.METRICS, "minxin_metrics",
            KafkaAccess.RANKING, "minxin_ranking",
            KafkaAccess.NOTICE, "minxin_notice");

    private static final Pattern MONGO_URI =
            Pattern.compile("mongodb://([a-z-]+):[^@]+@[^/]+/\\?replicaSet=rs0&authSource=([a-z_]+)");

    /** The image recipe's source stage copies every module of the root pom: Maven's reactor needs them all. */
    @Test
    void theDockerfileCopiesEveryModuleOfTheRootPom() throws IOException {
        Set<String> modules = new TreeSet<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            modules.add(module.group(1).strip());
        }
        Set<String> copied = new TreeSet<>();
        Matcher copy = Pattern.compile("(?m)^COPY ([a-z0-9-]+) \\1$")
                .matcher(Files.readString(ROOT.resolve("deploy/docker/Dockerfile")));
        while (copy.find()) {
            copied.add(copy.group(1));
        }
        assertThat(modules).isNotEmpty();
        assertThat(copied)
                .as("COPY <module> <module> lines of deploy/docker/Dockerfile")
                .containsAll(modules);
    }

    @Test
    void everyTopicOfTheAclsIsATopicOfMinxin_andEveryTopicHasAWriter() {
        Set<String> topics = Topics.all().stream().map(Topics.Spec::name).collect(Collectors.toSet());
        Set<String> written = new TreeSet<>();
        for (KafkaAccess.Principal principal : KafkaAccess.principals()) {
            assertThat(topics).as(principal.name()).containsAll(principal.topics());
            written.addAll(principal.writes());
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(topics);
    }

    @Test
    void everyTopicAServiceBindsHasItsAcl_inputsRead_outputsWritten_groupsWithinItsPrefix() {
        Map<String, String> modules = Map.of(
                KafkaAccess.METRICS, "metrics-service",
                KafkaAccess.RANKING, "ranking-service",
                KafkaAccess.NOTICE, "notice-service");
        List<String> missing = new ArrayList<>();
        for (KafkaAccess.Principal principal : KafkaAccess.principals()) {
            String module = modules.get(principal.name());
            if (module == null) {
                continue; // intake and the gateway build their clients in code: KafkaAccessIT and the table's comments
            }
            Map<String, Object> yml = yaml(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
            Map<String, Object> stream = map(map(map(yml, "spring"), "cloud"), "stream");
            String defaultGroup = (String) map(stream, "default").get("group");
            map(stream, "bindings").forEach((binding, value) -> {
                Map<String, Object> settings = map(value);
                String topic = (String) settings.get("destination");
                boolean input = binding.contains("-in-");
                Set<String> allowed = input ? principal.reads() : principal.writes();
                if (!allowed.contains(topic)) {
                    missing.add(module + " " + binding + " " + (input ? "reads " : "writes ") + topic);
                }
                String group = settings.containsKey("group") ? (String) settings.get("group") : defaultGroup;
                if (input && group != null && !resolved(group).startsWith(principal.groupPrefix())) {
                    missing.add(module + " " + binding + " group " + group);
                }
            });
        }
        assertThat(missing).as("bindings without an ACL").isEmpty();
        Map<String, Object> metrics = yaml(ROOT.resolve("metrics-service/src/main/resources/application.yml"));
        String applicationId = (String) map(
                        map(
                                map(
                                        map(
                                                map(map(map(map(metrics, "spring"), "cloud"), "stream"), "kafka"),
                                                "streams"),
                                        "binder"),
                                "functions"),
                        "caseState")
                .get("application-id");
        assertThat(resolved(applicationId)).startsWith(KafkaAccess.METRICS_PREFIX);
    }

    @Test
    void composeGivesEveryServiceItsOwnPrincipalAndMongoUser_andOnlyTheGatewayThePrivateKeys() {
        Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> services = map(compose, "services");
        for (KafkaAccess.Principal principal : KafkaAccess.principals()) {
            Map<String, Object> service = map(services, principal.name());
            Map<String, Object> env = map(service, "environment");
            assertThat(env)
                    .as(principal.name())
                    .containsEntry("MINXIN_KAFKA_USERNAME", principal.name())
                    .containsEntry("MINXIN_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsKey("MINXIN_KAFKA_PASSWORD");
            assertThat(map(map(services, "topics"), "environment")).containsKey(passwordVariable(principal.name()));
            assertMongoUser(principal.name(), (String) env.get("MINXIN_MONGODB_URI"));
            List<?> volumes = (List<?>) service.get("volumes");
            boolean privateKeys = volumes != null
                    && volumes.stream()
                            .anyMatch(volume -> String.valueOf(volume).startsWith("identity:"));
            assertThat(privateKeys)
                    .as(principal.name() + " mounts the private keys")
                    .isEqualTo(principal.name().equals(KafkaAccess.GATEWAY));
            if (!principal.name().equals(KafkaAccess.GATEWAY)) {
                assertThat(env).containsKey("MINXIN_IDENTITY_PUBLIC_KEYS");
            }
        }
        assertThat(usersOfTheMongoScript()).isEqualTo(new TreeMap<>(DATABASES));
    }

    @Test
    void kubernetesGivesEveryServiceItsOwnPrincipalAndMongoUser_andOnlyTheGatewayThePrivateKeys() {
        Path k8s = ROOT.resolve("deploy/k8s");
        Map<String, Object> job = documents(k8s.resolve("topics-job.yaml")).get(0);
        Set<String> jobVariables = envNames(containers(job).get(0));
        for (KafkaAccess.Principal principal : KafkaAccess.principals()) {
            List<Map<String, Object>> documents = documents(k8s.resolve(principal.name() + ".yaml"));
            Map<String, Object> configMap = kind(documents, "ConfigMap");
            Map<String, Object> container =
                    containers(kind(documents, "Deployment")).get(0);
            assertThat(map(configMap, "data"))
                    .as(principal.name())
                    .containsEntry("MINXIN_KAFKA_USERNAME", principal.name())
                    .containsEntry("MINXIN_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
            Map<String, Map<String, Object>> env = env(container);
            assertThat(map(map(env.get("MINXIN_KAFKA_PASSWORD"), "valueFrom"), "secretKeyRef"))
                    .containsEntry("name", "minxin-kafka-users")
                    .containsEntry("key", principal.name());
            assertThat(jobVariables).contains(passwordVariable(principal.name()));
            Map<String, Object> uri = env.get("MINXIN_MONGODB_URI");
            assertMongoUser(principal.name(), uri == null ? null : (String) uri.get("value"));
            String volumes = String.valueOf(map(map(map(kind(documents, "Deployment"), "spec"), "template"), "spec")
                    .get("volumes"));
            assertThat(volumes.contains("minxin-identity-signing"))
                    .as(principal.name() + " mounts the private keys")
                    .isEqualTo(principal.name().equals(KafkaAccess.GATEWAY));
        }
    }

    /**
     * Compose states each service's port once, in {@code x-ports}; the files that cannot refer to it by anchor (the
     * Prometheus scrape targets, the gateway's docker profile, URLs in compose's own environment values) repeat it,
     * and must repeat the same number: every {@code <service>:<port>} in them names a service of {@code x-ports} at
     * its port, and Prometheus scrapes every service of it.
     */
    @Test
    void givenComposesXPortsThenPrometheusTheGatewaysDockerProfileAndComposeUrlsAddressEachServiceAtThatPort() {
        Map<String, Integer> ports = new TreeMap<>();
        map(yaml(ROOT.resolve("docker-compose.yml")), "x-ports")
                .forEach((service, port) -> ports.put(service, (Integer) port));
        assertThat(ports).containsKeys(KafkaAccess.GATEWAY, "console");
        Pattern address = Pattern.compile("(?<![\\w.-])(" + String.join("|", ports.keySet()) + "):(\\d+)");

        String prometheus = read(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        String dockerProfile = read(ROOT.resolve("gateway/src/main/resources/application-docker.yml"));
        // x-ports' own lines ("gateway: &gateway-port 8080") have no service:port in them
        String compose = read(ROOT.resolve("docker-compose.yml"));

        assertThat(addresses(address, prometheus).keySet())
                .as("services Prometheus scrapes")
                .isEqualTo(ports.keySet());
        assertThat(addresses(address, dockerProfile).keySet())
                .as("services the gateway routes to")
                .containsExactlyInAnyOrderElementsOf(ports.keySet().stream()
                        .filter(service -> !service.equals(KafkaAccess.GATEWAY))
                        .toList());
        assertThat(addresses(address, prometheus + dockerProfile + compose))
                .allSatisfy((service, found) -> assertThat(found)
                        .as(service + " (x-ports: " + ports.get(service) + ")")
                        .containsOnly(ports.get(service)));
    }

    /** Each service named in {@code text} as {@code service:port} → the ports it is given there. */
    private static Map<String, List<Integer>> addresses(Pattern address, String text) {
        Map<String, List<Integer>> found = new TreeMap<>();
        Matcher match = address.matcher(text);
        while (match.find()) {
            found.computeIfAbsent(match.group(1), service -> new ArrayList<>()).add(Integer.valueOf(match.group(2)));
        }
        return found;
    }

    private static void assertMongoUser(String service, String uri) {
        String database = DATABASES.get(service);
        if (database == null) {
            assertThat(uri).as(service + " uses no MongoDB").isNull();
            return;
        }
        assertThat(uri).as(service).isNotNull();
        Matcher matcher = MONGO_URI.matcher(uri);
        assertThat(matcher.find()).as(uri).isTrue();
        assertThat(matcher.group(1)).as(uri).isEqualTo(service);
        assertThat(matcher.group(2)).as(uri).isEqualTo(database);
    }

    /** User → database of deploy/mongodb/create-users.js. */
    private static Map<String, String> usersOfTheMongoScript() {
        Matcher user = Pattern.compile("\\['([a-z-]+)', '([a-z_]+)', 'MONGO_[A-Z]+_PASSWORD'\\]")
                .matcher(read(ROOT.resolve("deploy/mongodb/create-users.js")));
        Map<String, String> users = new TreeMap<>();
        while (user.find()) {
            users.put(user.group(1), user.group(2));
        }
        return users;
    }

    private static String passwordVariable(String principal) {
        return "MINXIN_KAFKA_USERS_"
                + principal.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PASSWORD";
    }

    /** The default of a placeholder ({@code ${name:default}}), or the text itself. */
    private static String resolved(String value) {
        Matcher placeholder = Pattern.compile("\\$\\{[^:}]+:([^}]*)}").matcher(value);
        return placeholder.replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return (List<Map<String, Object>>)
                map(map(map(workload, "spec"), "template"), "spec").get("containers");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> env = new TreeMap<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
            env.put((String) variable.get("name"), variable);
        }
        return env;
    }

    private static Set<String> envNames(Map<String, Object> container) {
        return env(container).keySet();
    }

    private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
        return documents.stream()
                .filter(document -> kind.equals(document.get("kind")))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(read(file)).forEach(document -> documents.add((Map<String, Object>) document));
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        return (Map<String, Object>) new Yaml(options).load(read(file));
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Map.of() : map(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
