package io.minxin.intake.events;

import io.minxin.events.EventType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document names the contract's CloudEvents types (schema {@value #SCHEMA}) from {@link EventType} itself,
 * so that it cannot fall behind the contract: every type, its topic and key, and which ones a platform may leave out.
 */
@Configuration(proxyBeanMethods = false)
class EventTypesDocumentation {
    static final String SCHEMA = "CloudEventType";

    @Bean
    OpenApiCustomizer eventTypes() {
        return openApi -> {
            StringSchema schema = new StringSchema();
            Stream.of(EventType.values()).forEach(type -> schema.addEnumItem(type.ceType()));
            schema.description(
                    "The type attribute of an event (ce-type in binary content mode); its data is described by "
                            + "the JSON Schemas of docs/schemas. "
                            + Stream.of(EventType.values())
                                    .map(EventTypesDocumentation::line)
                                    .collect(Collectors.joining("; ")));
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(SCHEMA, schema);
        };
    }

    private static String line(EventType type) {
        return type.ceType() + (type.optional() ? " (optional)" : "") + " → topic " + type.topic() + ", key "
                + (type.aboutCase() ? "caseId" : "unitId");
    }
}
