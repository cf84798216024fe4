package io.minxin.servicekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class KafkaClientSecurityTest {
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"intake-service\" password=\"s3cret\";";

    @Test
    void givenNoSecuritySettings_whenTheServiceStarts_thenItsClientsStayPlaintext() {
        MockEnvironment environment = environmentWith(Map.of());

        new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(KafkaClientSecurity.SOURCE_NAME))
                .isFalse();
        assertThat(environment.getProperty("spring.kafka.properties.security.protocol"))
                .isNull();
    }

    @Test
    void givenASaslPrincipalInTheSettings_thenEveryClientConfigurationMapAuthenticatesAsIt() {
        MockEnvironment environment = environmentWith(Map.of(
                "minxin.kafka.security-protocol", "SASL_PLAINTEXT",
                "minxin.kafka.username", "intake-service",
                "minxin.kafka.password", "s3cret"));

        new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication());

        for (String prefix : KafkaClientSecurity.CLIENT_CONFIGURATION_PREFIXES) {
            assertThat(environment.getProperty(prefix + "security.protocol")).isEqualTo("SASL_PLAINTEXT");
            assertThat(environment.getProperty(prefix + "sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
            assertThat(environment.getProperty(prefix + "sasl.jaas.config")).isEqualTo(JAAS);
        }
        Map<String, String> binderConfiguration = Binder.get(environment)
                .bind(
                        "spring.cloud.stream.kafka.streams.binder.configuration",
                        Bindable.mapOf(String.class, String.class))
                .get();
        assertThat(binderConfiguration).containsEntry("sasl.jaas.config", JAAS);
    }

    @Test
    void givenAPropertySetExplicitly_thenItWinsOverTheDerivedOne() {
        MockEnvironment environment = environmentWith(Map.of(
                "minxin.kafka.security-protocol", "SASL_SSL",
                "minxin.kafka.username", "notice-service",
                "minxin.kafka.password", "pw",
                "spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-256"));

        new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism"))
                .isEqualTo("SCRAM-SHA-256");
        assertThat(environment.getProperty("spring.kafka.properties.security.protocol"))
                .isEqualTo("SASL_SSL");
    }

    @Test
    void givenSaslWithoutAPassword_thenTheServiceRefusesToStartNamingTheVariables() {
        MockEnvironment environment = environmentWith(
                Map.of("minxin.kafka.security-protocol", "SASL_PLAINTEXT", "minxin.kafka.username", "ranking-service"));

        assertThatThrownBy(() -> new KafkaClientSecurity().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MINXIN_KAFKA_PASSWORD");
    }

    @Test
    void givenAPasswordWithQuotesAndBackslashes_thenTheJaasStringQuotesIt() {
        KafkaClientSettings settings =
                new KafkaClientSettings("kafka:9092", "SASL_PLAINTEXT", "PLAIN", "admin", "a\"b\\c");

        assertThat(settings.securityProperties())
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\""
                                + " password=\"a\\\"b\\\\c\";");
        assertThat(settings.clientProperties()).containsEntry("bootstrap.servers", "kafka:9092");
    }

    @Test
    void givenTheSettingsPrinted_thenThePasswordIsNotInThem() {
        KafkaClientSettings settings =
                new KafkaClientSettings("kafka:9092", "SASL_PLAINTEXT", "SCRAM-SHA-512", "gateway", "s3cret");

        assertThat(settings.toString()).doesNotContain("s3cret").contains("[hidden]");
    }

    @Test
    void givenAnUnknownProtocolOrMechanism_thenTheSettingIsRefused() {
        assertThatThrownBy(() ->
                        new KafkaClientSettings("k:9092", "SSL_ONLY", "SCRAM-SHA-512", null, null).securityProperties())
                .hasMessageContaining("minxin.kafka.security-protocol");
        assertThatThrownBy(() -> new KafkaClientSettings("k:9092", "SASL_SSL", "GSSAPI", "u", "p").securityProperties())
                .hasMessageContaining("minxin.kafka.sasl-mechanism");
    }

    private static MockEnvironment environmentWith(Map<String, String> properties) {
        MockEnvironment environment = new MockEnvironment();
        properties.forEach(environment::setProperty);
        return environment;
    }
}
