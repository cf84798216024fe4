package io.minxin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The integrators' JSON Schemas (docs/schemas) accept every event the demo produces. */
class DemoEventsSchemaTest {
    private static final Path SCHEMAS = Path.of("..", "docs", "schemas");
    private static final String BASE = "https://minxin.io/schemas/";

    @Test
    void everyDemoEventValidatesAgainstTheCloudEventSchema() throws IOException {
        Schema schema = cloudEventSchema();
        List<String> failures = new ArrayList<>();

        for (CaseEvent event : DemoMonth.generate().events()) {
            List<Error> errors = schema.validate(EventJson.toNode(event));
            errors.forEach(e -> failures.add(event.id() + ": " + e.getMessage()));
        }
        DemoStream.events(1, 2_000)
                .forEach(event -> schema.validate(EventJson.toNode(event))
                        .forEach(e -> failures.add(event.id() + ": " + e.getMessage())));

        assertThat(failures).isEmpty();
    }

    @Test
    void theSchemaRefusesAnEventWithoutCaseId() throws IOException {
        Schema schema = cloudEventSchema();
        ObjectNode node = EventJson.toNode(DemoMonth.generate().caseEvents().get(0));
        ((ObjectNode) node.get("data")).remove("caseId");

        assertThat(schema.validate(node)).isNotEmpty();
    }

    private static Schema cloudEventSchema() throws IOException {
        Map<String, String> byId = new TreeMap<>();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".schema.json"))
                    .toList()) {
                byId.put(BASE + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(byId).containsKey(BASE + "cloudevent.schema.json");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(byId)
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build()));
        return registry.getSchema(SchemaLocation.of(BASE + "cloudevent.schema.json"));
    }
}
