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
