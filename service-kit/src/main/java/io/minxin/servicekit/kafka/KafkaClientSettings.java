package io.minxin.servicekit.kafka;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every Kafka client of a service reaches the cluster and who it is there: the same for the Spring Cloud Stream
 * binders, Spring Kafka's clients and the clients the code builds itself ({@link KafkaClientSecurity} passes them on).
 *
 * @param bootstrap Kafka bootstrap servers (host:port, comma-separated) of every service that reads or writes Kafka
 * @param securityProtocol {@code PLAINTEXT} (local-stack, no identity) or {@code SASL_PLAINTEXT} / {@code SASL_SSL}
 *     (compose and k8s: the service's own principal, whose ACLs allow only its topics, groups and transactional ids)
 * @param saslMechanism {@code SCRAM-SHA-512} (the services' principals), {@code SCRAM-SHA-256} or {@code PLAIN}
 * @param username the service's Kafka principal (compose and k8s: its service name, e.g. {@code intake-service})
 * @param password the principal's password, from the environment or a Secret; never logged
 */
@ConfigurationProperties("minxin.kafka")
public record KafkaClientSettings(
        @DefaultValue("localhost:9092") String bootstrap,
        @DefaultValue("PLAINTEXT") String securityProtocol,
        @DefaultValue("SCRAM-SHA-512") String saslMechanism,
        String username,
        String password) {

    static final String SECURITY_PROTOCOL = "security.protocol";
    static final String SASL_MECHANISM = "sasl.mechanism";
    static final String SASL_JAAS_CONFIG = "sasl.jaas.config";

    /** Whether the clients authenticate (a {@code SASL_…} protocol). */
    public boolean authenticates() {
        return securityProtocol.trim().toUpperCase(Locale.ROOT).startsWith("SASL_");
    }

    /**
     * The client properties that make a Kafka client this principal: none for {@code PLAINTEXT}, else
     * {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} (which Kafka's clients treat as a
     * password: their configuration log shows it as {@code [hidden]}).
     *
     * @throws IllegalStateException when a SASL protocol is asked for without a username or password, or the
     *     mechanism is not one of SCRAM-SHA-512, SCRAM-SHA-256, PLAIN
     */
    public Map<String, String> securityProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!authenticates()) {
            if (!"PLAINTEXT".equalsIgnoreCase(securityProtocol.trim())) {
                throw new IllegalStateException("minxin.kafka.security-protocol must be PLAINTEXT, SASL_PLAINTEXT or"
                        + " SASL_SSL, not '" + securityProtocol + "'");
            }
            return properties;
        }
        if (blank(username) || blank(password)) {
            throw new IllegalStateException("minxin.kafka.security-protocol is " + securityProtocol
                    + ": set MINXIN_KAFKA_USERNAME and MINXIN_KAFKA_PASSWORD (the service's Kafka principal)");
        }
        String mechanism = saslMechanism.trim().toUpperCase(Locale.ROOT);
        String loginModule = switch (mechanism) {
            case "SCRAM-SHA-512", "SCRAM-SHA-256" -> "org.apache.kafka.common.security.scram.ScramLoginModule";
            case "PLAIN" -> "org.apache.kafka.common.security.plain.PlainLoginModule";
            default ->
                throw new IllegalStateException("minxin.kafka.sasl-mechanism must be SCRAM-SHA-512,"
                        + " SCRAM-SHA-256 or PLAIN, not '" + saslMechanism + "'");
        };
        properties.put(SECURITY_PROTOCOL, securityProtocol.trim().toUpperCase(Locale.ROOT));
        properties.put(SASL_MECHANISM, mechanism);
        properties.put(
                SASL_JAAS_CONFIG,
                loginModule + " required username=\"" + jaasQuoted(username) + "\" password=\"" + jaasQuoted(password)
                        + "\";");
        return properties;
    }

    /**
     * {@link #securityProperties()} as the {@code Map<String, Object>} a {@code KafkaConsumer}, {@code KafkaProducer}
     * or {@code Admin} takes, with {@code bootstrap.servers}; a client the code builds itself starts from it.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("bootstrap.servers", bootstrap);
        properties.putAll(securityProperties());
        return properties;
    }

    /** Without the password: a record's own toString would print it wherever the settings are logged. */
    @Override
    public String toString() {
        return "KafkaClientSettings[bootstrap=" + bootstrap + ", securityProtocol=" + securityProtocol
                + ", saslMechanism=" + saslMechanism + ", username=" + username + ", password="
                + (password == null ? "null" : "[hidden]") + "]";
    }

    /** A JAAS quoted string (Kafka reads it with a StreamTokenizer): backslash and quote escaped. */
    static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
