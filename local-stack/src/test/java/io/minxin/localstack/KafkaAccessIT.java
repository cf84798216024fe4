package io.minxin.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ACL table of {@link KafkaAccess} on a real broker set up as compose runs it (SASL, StandardAuthorizer, nothing
 * allowed without an ACL), the principals and ACLs created by {@link CreateTopics}: each service may do what the
 * table says and is refused the rest.
 */
class KafkaAccessIT {
    private static final KafkaBroker.Security SECURITY = new KafkaBroker.Security("broker-pw", "admin-pw");

    @TempDir
    static Path dataDir;

    private static KafkaBroker broker;

    @BeforeAll
    static void startSecuredBrokerAndRunTheSetupJob() {
        broker = new KafkaBroker(dataDir, 0, 0, SECURITY).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = CreateTopics.run(
                setupEnvironment(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(out + "\n" + err).isEqualTo(CreateTopics.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "SCRAM-SHA-512 credentials set for", KafkaAccess.acls().size() + " ACLs");
        assertThat(out + err.toString(StandardCharsets.UTF_8))
                .doesNotContain("admin-pw", password(KafkaAccess.RANKING));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void givenRankingServicesPrincipal_whenItWritesRankings_thenTheBrokerTakesIt_andRefusesCaseEvents()
            throws Exception {
        try (KafkaProducer<String, String> producer = producer(KafkaAccess.RANKING, Map.of())) {
            producer.send(new ProducerRecord<>(Topics.RANKINGS, "2020-09|PHONE", "{}"))
                    .get();

            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, "c1", "{}"))
                            .get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void givenNoticeServicesPrincipal_whenItReadsAuditInItsGroup_thenItMay_butNotInAnotherGroupOrAnotherTopic() {
        try (KafkaConsumer<String, String> own =
                consumer(KafkaAccess.NOTICE, KafkaAccess.NOTICE + "-" + UUID.randomUUID())) {
            own.subscribe(List.of(Topics.AUDIT));
            own.poll(Duration.ofSeconds(2));
            own.commitSync();
        }
        try (KafkaConsumer<String, String> foreign = consumer(KafkaAccess.NOTICE, "ranking-service")) {
            foreign.subscribe(List.of(Topics.AUDIT));
            assertThatThrownBy(() -> foreign.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> keys = consumer(KafkaAccess.NOTICE, KafkaAccess.NOTICE)) {
            keys.subscribe(List.of(Topics.API_KEY_CHANGES));
            assertThatThrownBy(() -> keys.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void givenIntakesPrincipal_whenItUsesItsTransactionalIds_thenItMay_butNotAnotherServicesIds() throws Exception {
        try (KafkaProducer<String, String> producer =
                producer(KafkaAccess.INTAKE, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "intake-test-0"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, "c1", "{}"));
            producer.commitTransaction();
        }
        try (KafkaProducer<String, String> producer = producer(
                KafkaAccess.INTAKE, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, KafkaAccess.METRICS_PREFIX + "x"))) {
            assertThatThrownBy(producer::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
        }
    }

    @Test
    void givenAWrongPassword_thenTheClientIsNotLetIn() {
        Map<String, Object> config = clientConfig(KafkaAccess.GATEWAY, "not-its-password");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.AUDIT, "k", "{}"))
                            .get())
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void givenTheJobRunAgain_thenTheAclsAreExactlyTheTable_andAnExtraAclOfAPrincipalIsRemoved() throws Exception {
        try (Admin admin = Admin.create(adminConfig())) {
            AclBinding extra = new KafkaAccess.Principal(
                            KafkaAccess.GATEWAY,
                            java.util.Set.of(Topics.CASE_EVENTS),
                            java.util.Set.of(),
                            "x",
                            null,
                            null)
                    .acls()
                    .get(0);
            admin.createAcls(List.of(extra)).all().get();

            int exit = CreateTopics.run(setupEnvironment(), System.out, System.err);

            assertThat(exit).isEqualTo(CreateTopics.OK);
            assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get())
                    .containsExactlyInAnyOrderElementsOf(KafkaAccess.acls());
        }
    }

    @Test
    void givenAPrincipalsPasswordMissing_thenTheJobRefusesNamingTheVariable() {
        Map<String, String> env = new HashMap<>(setupEnvironment());
        env.remove(CreateTopics.passwordVariable(KafkaAccess.METRICS));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = CreateTopics.run(env, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(CreateTopics.WRONG_SETTINGS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("MINXIN_KAFKA_USERS_METRICS_SERVICE_PASSWORD");
    }

    private static Map<String, String> setupEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put(CreateTopics.BOOTSTRAP, broker.adminBootstrapServers());
        env.put(CreateTopics.SECURITY_PROTOCOL, "SASL_PLAINTEXT");
        env.put(CreateTopics.SASL_MECHANISM, "PLAIN");
        env.put(CreateTopics.USERNAME, KafkaBroker.Security.ADMIN_USER);
        env.put(CreateTopics.PASSWORD, SECURITY.adminPassword());
        KafkaAccess.principals()
                .forEach(principal ->
                        env.put(CreateTopics.passwordVariable(principal.name()), password(principal.name())));
        return env;
    }

    private static Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", broker.adminBootstrapServers());
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "PLAIN");
        config.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                        + SECURITY.adminPassword() + "\";");
        return config;
    }

    private static String password(String principal) {
        return principal + "-pw";
    }

    private static Map<String, Object> clientConfig(String principal, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                        + "\" password=\"" + password + "\";");
        return config;
    }

    private static KafkaProducer<String, String> producer(String principal, Map<String, Object> extra) {
        Map<String, Object> config = clientConfig(principal, password(principal));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String principal, String group) {
        Map<String, Object> config = clientConfig(principal, password(principal));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
