package io.minxin.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    @Test
    void withoutArgumentsOrEnvironmentUsesTheDesignPortsAndDataDir() {
        LocalStack.Settings settings = LocalStack.Settings.parse(new String[0], Map.of());

        assertThat(settings).isEqualTo(new LocalStack.Settings(Path.of("data"), false, 9092, 9093, 27017));
    }

    @Test
    void argumentsOverrideEnvironment() {
        Map<String, String> env = Map.of(
                "LOCAL_STACK_DATA_DIR", "/env/data",
                "LOCAL_STACK_KAFKA_PORT", "19092",
                "LOCAL_STACK_MONGO_PORT", "37017");

        LocalStack.Settings settings = LocalStack.Settings.parse(
                new String[] {"--data-dir", "/arg/data", "--fresh", "--kafka-port=29092", "--kafka-controller-port", "0"
                },
                env);

        assertThat(settings).isEqualTo(new LocalStack.Settings(Path.of("/arg/data"), true, 29092, 0, 37017));
    }

    @Test
    void oneBrokerUnlessThreeAreAskedFor() {
        assertThat(LocalStack.Settings.parse(new String[0], Map.of()).brokers()).isEqualTo(1);
        assertThat(LocalStack.Settings.parse(new String[] {"--brokers", "3"}, Map.of())
                        .brokers())
                .isEqualTo(3);
        assertThat(LocalStack.Settings.parse(new String[] {"--brokers=3"}, Map.of("LOCAL_STACK_BROKERS", "1"))
                        .brokers())
                .isEqualTo(3);
        assertThat(LocalStack.Settings.parse(new String[0], Map.of("LOCAL_STACK_BROKERS", "3"))
                        .brokers())
                .isEqualTo(3);
        assertThat(LocalStack.Settings.freePorts(Path.of("d")).withBrokers(3))
                .isEqualTo(new LocalStack.Settings(Path.of("d"), false, 3, 0, 0, 0));
    }

    @Test
    void rejectsANumberOfBrokersThatIsNoneOrTooMany() {
        assertThatThrownBy(() -> LocalStack.Settings.parse(new String[] {"--brokers", "0"}, Map.of()))
                .hasMessageContaining("brokers must be 1 to 5, not 0");
        assertThatThrownBy(() -> LocalStack.Settings.parse(new String[] {"--brokers", "6"}, Map.of()))
                .hasMessageContaining("not 6");
        assertThatThrownBy(() -> LocalStack.Settings.parse(new String[] {"--brokers", "three"}, Map.of()))
                .hasMessageContaining("three");
    }

    @Test
    void freshCanComeFromTheEnvironment() {
        LocalStack.Settings settings = LocalStack.Settings.parse(new String[0], Map.of("LOCAL_STACK_FRESH", "true"));

        assertThat(settings.fresh()).isTrue();
    }

    @Test
    void rejectsUnknownOptionsAndBadPorts() {
        assertThatThrownBy(() -> LocalStack.Settings.parse(new String[] {"--kafka"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalStack.Settings.parse(new String[] {"--bogus", "1"}, Map.of()))
                .hasMessageContaining("--bogus");
        assertThatThrownBy(() -> LocalStack.Settings.parse(new String[] {"--mongo-port", "70000"}, Map.of()))
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> LocalStack.Settings.parse(new String[] {"--mongo-port"}, Map.of()))
                .hasMessageContaining("--mongo-port");
    }
}
