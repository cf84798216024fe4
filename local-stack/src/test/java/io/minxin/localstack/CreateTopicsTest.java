package io.minxin.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings of {@link CreateTopics}; {@link CreateTopicsIT} runs it against a broker. */
class CreateTopicsTest {

    @Test
    void withoutBootstrapServersSaysWhichVariableToSet() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = CreateTopics.run(
                Map.of(CreateTopics.BOOTSTRAP, " "), nowhere(), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(CreateTopics.WRONG_SETTINGS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("set MINXIN_KAFKA_BOOTSTRAP");
    }

    @Test
    void refusesAReplicationFactorThatIsNotAPositiveNumber() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = CreateTopics.run(
                Map.of(CreateTopics.BOOTSTRAP, "kafka:9092", CreateTopics.REPLICATION_FACTOR, "three"),
                nowhere(),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(CreateTopics.WRONG_SETTINGS);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("MINXIN_TOPIC_REPLICATION_FACTOR must be a whole number", "'three'");
    }

    @Test
    void replicationFactorIsOneUnlessSet() {
        assertThat(CreateTopics.replicationFactor(null)).isEqualTo((short) 1);
        assertThat(CreateTopics.replicationFactor("")).isEqualTo((short) 1);
        assertThat(CreateTopics.replicationFactor(" 3 ")).isEqualTo((short) 3);
        assertThatThrownBy(() -> CreateTopics.replicationFactor("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreateTopics.replicationFactor("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    private static PrintStream nowhere() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
