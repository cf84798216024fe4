package io.minxin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventJsonTest {
    private static final Instant AT = Instant.parse("2020-09-01T01:02:03Z");

    @Test
    void writesStructuredCloudEventWithoutNullFields() {
        CaseEvent event = CaseEvent.of(
                "e-1",
                "/platform/panjin-8890",
                new Accepted("614418", "xlt-zhifa", "综合执法局", Channel.PHONE, "食品安全", null, AT, null, null));

        JsonNode json = EventJson.mapper().readTree(EventJson.toJson(event));

        assertThat(json.path("specversion").asString()).isEqualTo("1.0");
        assertThat(json.path("type").asString()).isEqualTo("minxin.case.accepted");
        assertThat(json.path("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(json.path("data").path("occurredAt").asString()).isEqualTo("2020-09-01T01:02:03Z");
        assertThat(json.path("data").has("category")).isFalse();
    }

    @Test
    void everyTypeRoundTripsToAnEqualRecord() {
        var events = java.util.List.of(
                CaseEvent.of("a", "s", new Accepted("1", "u", "U", Channel.WEB, "t", "c", AT, AT.plusSeconds(9), AT)),
                CaseEvent.of("b", "s", new Returned("1", "u", "不归我局", AT)),
                CaseEvent.of("c", "s", new Concluded("1", "u", "已处理", AT)),
                CaseEvent.of("d", "s", new Visited("1", "u", Satisfaction.BASICALLY_SATISFIED, true, AT)),
                CaseEvent.of("e", "s", new UnitLogin("u", AT)));

        for (CaseEvent event : events) {
            assertThat(EventJson.fromBytes(EventJson.toBytes(event))).isEqualTo(event);
        }
    }

    @Test
    void loginIsKeyedByUnitAndGoesToUnitActivity() {
        CaseEvent login = CaseEvent.of("e", "s", new UnitLogin("xlt-huibin", AT));

        assertThat(login.key()).isEqualTo("xlt-huibin");
        assertThat(login.topic()).isEqualTo(Topics.UNIT_ACTIVITY);
    }

    @Test
    void theFiveTypesOfEveryProducerAreNotOptionalAndTheEightOfIssue18Are() {
        assertThat(java.util.Arrays.stream(EventType.values())
                        .filter(t -> !t.optional())
                        .map(EventType::ceType))
                .containsExactly(
                        "minxin.case.accepted",
                        "minxin.case.returned",
                        "minxin.case.concluded",
                        "minxin.case.visited",
                        "minxin.unit.login");
        assertThat(EventType.values()).filteredOn(EventType::optional).hasSize(8);
    }

    @Test
    void garbageIsAFormatErrorNotANullEvent() {
        assertThatThrownBy(() -> EventJson.fromBytes("{\"type\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventFormatException.class);
    }
}
