package io.minxin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.minxin.events.Accepted;
import io.minxin.events.Assigned;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.EventData;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.EventValidator;
import io.minxin.events.ExtensionDecided;
import io.minxin.events.ExtensionOutcome;
import io.minxin.events.ExtensionRequested;
import io.minxin.events.HandlingRole;
import io.minxin.events.Merged;
import io.minxin.events.Reopened;
import io.minxin.events.Signed;
import io.minxin.events.Supervised;
import io.minxin.events.UnitRegistered;
import io.minxin.events.problem.FieldViolation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The integrators' JSON Schemas (docs/schemas) accept every event the demo produces, and agree with the contract's
 * {@link EventValidator} on the optional types (issue 18), which the demo does not produce yet.
 */
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

    @Test
    void givenOneEventOfEachOptionalTypeThenTheSchemaAndTheValidatorAcceptIt() throws IOException {
        Schema schema = cloudEventSchema();
        List<CaseEvent> events = optionalTypes();

        assertThat(events)
                .extracting(CaseEvent::type)
                .containsAll(EnumSet.range(EventType.CASE_ASSIGNED, EventType.UNIT_REGISTERED));
        for (CaseEvent event : events) {
            ObjectNode node = EventJson.toNode(event);
            assertThat(schema.validate(node)).as(event.id()).isEmpty();
            assertThat(new EventValidator().validate(node).events())
                    .as(event.id())
                    .containsExactly(event);
        }
    }

    @Test
    void givenAnOptionalTypeWithoutOneOfItsFieldsThenTheSchemaRefusesItExactlyWhenTheValidatorNamesThatField()
            throws IOException {
        Schema schema = cloudEventSchema();
        EventValidator validator = new EventValidator();
        List<String> disagreements = new ArrayList<>();
        int refused = 0;

        for (CaseEvent event : optionalTypes()) {
            for (String field : EventJson.toNode(event).get("data").propertyNames()) {
                ObjectNode node = EventJson.toNode(event);
                ((ObjectNode) node.get("data")).remove(field);
                boolean schemaRefuses = !schema.validate(node).isEmpty();
                boolean validatorRefuses = validator.validate(node).violations().stream()
                        .anyMatch(v -> v.field().equals("data." + field));
                if (schemaRefuses != validatorRefuses) {
                    disagreements.add(
                            event.type().ceType() + " without " + field + ": schema refuses " + schemaRefuses);
                }
                refused += validatorRefuses ? 1 : 0;
            }
        }

        assertThat(disagreements).isEmpty();
        assertThat(refused).isGreaterThan(20);
    }

    @Test
    void givenARefusedExtensionWithANewDeadlineThenTheSchemaAndTheValidatorBothRefuseIt() throws IOException {
        ObjectNode node = EventJson.toNode(optionalTypes().stream()
                .filter(e -> e.data() instanceof ExtensionDecided d && d.outcome() == ExtensionOutcome.REFUSED)
                .findFirst()
                .orElseThrow());
        ((ObjectNode) node.get("data")).put("dueAt", "2020-09-20T17:00:00+08:00");

        assertThat(cloudEventSchema().validate(node)).isNotEmpty();
        assertThat(new EventValidator().validate(node).violations())
                .extracting(FieldViolation::field)
                .containsExactly("data.dueAt");
    }

    /** One event of each optional type with every field it has, and a refused extension besides. */
    private static List<CaseEvent> optionalTypes() {
        Instant at = Instant.parse("2020-09-01T01:00:00Z");
        Instant due = Instant.parse("2020-09-20T09:00:00Z");
        List<EventData> data = List.of(
                new Assigned("614418", "xlt-zj", "兴隆台区住建局", HandlingRole.CO_HANDLING, "city-8890", due, at),
                new Signed("614418", "xlt-zj", at),
                new ExtensionRequested("614418", "xlt-zj", "yq-1", due, "需协调供热公司", at),
                new ExtensionDecided("614418", "xlt-zj", "yq-1", ExtensionOutcome.APPROVED, due, "市12345中心", "同意", at),
                new ExtensionDecided(
                        "614418", "xlt-zj", "yq-2", ExtensionOutcome.REFUSED, null, "市12345中心", "理由不充分", at),
                new Supervised("614418", "xlt-zj", "市政府督查室", "群众多次来电", due, at),
                new Reopened("614418", "xlt-zj", "回访不满意", due, at),
                new Merged("614419", "614418", "xlt-zj", "重复诉求", at),
                new UnitRegistered("dw-sw", "大洼区水务局", "211104", "大洼区", at),
                new Accepted("614418", "xlt-zj", "兴隆台区住建局", Channel.PHONE, "供暖", "城建", at, due, at, "211103"));
        List<CaseEvent> events = new ArrayList<>();
        data.forEach(d -> events.add(CaseEvent.of("o" + (events.size() + 1), DemoMonth.PHONE_SOURCE, d)));
        return events;
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
