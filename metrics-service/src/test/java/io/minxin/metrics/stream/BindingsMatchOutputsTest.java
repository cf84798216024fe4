package io.minxin.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Topics;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The service binds the streams its function takes and returns by position ({@code caseState-in-0} case-events,
 * {@code caseState-in-1} decisions, {@code caseState-out-N}, application.yml),
 * while the TopologyTestDriver tests run {@link MetricsTopology#build}; both follow
 * {@link MetricsTopology#OUTPUTS}, and application.yml must say the same: the N-th output binding goes to the
 * N-th entry's topic with its serdes, and there is one output binding per entry, no more.
 */
class BindingsMatchOutputsTest {
    private static final String FUNCTION = "caseState";
    private static final String BINDINGS = "spring.cloud.stream.bindings.";
    private static final String STREAMS_BINDINGS = "spring.cloud.stream.kafka.streams.bindings.";

    private static Map<String, String> settings;

    @BeforeAll
    static void readApplicationYml() throws IOException {
        settings = new TreeMap<>();
        for (PropertySource<?> source :
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            EnumerablePropertySource<?> properties = (EnumerablePropertySource<?>) source;
            for (String name : properties.getPropertyNames()) {
                settings.put(name, String.valueOf(properties.getProperty(name)));
            }
        }
    }

    @Test
    void theBoundFunctionIsTheTopology() {
        assertSetting("spring.cloud.function.definition", FUNCTION);
    }

    @Test
    void theInputIsCaseEventsAsPublished() {
        String in = FUNCTION + "-in-0";

        assertSetting(BINDINGS + in + ".destination", Topics.CASE_EVENTS);
        assertSetting(STREAMS_BINDINGS + in + ".consumer.key-serde", className(Serdes.String()));
        assertSetting(STREAMS_BINDINGS + in + ".consumer.value-serde", className(Serdes.ByteArray()));
        assertSetting(STREAMS_BINDINGS + in + ".consumer.dlq-name", Topics.CASE_EVENTS_DLQ);
    }

    @Test
    void theSecondInputIsDecisionsAsPublished() {
        String in = FUNCTION + "-in-1";

        assertSetting(BINDINGS + in + ".destination", Topics.DECISIONS);
        assertSetting(STREAMS_BINDINGS + in + ".consumer.key-serde", className(Serdes.String()));
        assertSetting(STREAMS_BINDINGS + in + ".consumer.value-serde", className(Serdes.ByteArray()));
    }

    @Test
    void eachOutputBindingIsTheOutputAtItsPosition() {
        for (int n = 0; n < MetricsTopology.OUTPUTS.size(); n++) {
            MetricsTopology.Output<?> output = MetricsTopology.OUTPUTS.get(n);
            String out = FUNCTION + "-out-" + n;

            assertSetting(BINDINGS + out + ".destination", output.topic());
            assertSetting(STREAMS_BINDINGS + out + ".producer.key-serde", className(output.keySerde()));
            assertSetting(
                    STREAMS_BINDINGS + out + ".producer.value-serde",
                    className(output.valueSerde().get()));
        }
    }

    @Test
    void theOutputBindingsAreExactlyTheOutputs() {
        Pattern outputBinding = Pattern.compile(
                "spring\\.cloud\\.stream\\.(kafka\\.streams\\.)?bindings\\." + FUNCTION + "-out-(\\d+)\\..+");

        Set<Integer> bound = settings.keySet().stream()
                .map(outputBinding::matcher)
                .filter(Matcher::matches)
                .map(binding -> Integer.valueOf(binding.group(2)))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(bound)
                .containsExactlyElementsOf(IntStream.range(0, MetricsTopology.OUTPUTS.size())
                        .boxed()
                        .toList());
    }

    private static void assertSetting(String name, String expected) {
        assertThat(settings.get(name)).as("%s in application.yml", name).isEqualTo(expected);
    }

    private static String className(Object serde) {
        return serde.getClass().getName();
    }
}
