package io.minxin.intake.events;

import static io.minxin.intake.TestEvents.accepted;
import static io.minxin.intake.TestEvents.json;
import static io.minxin.intake.TestEvents.login;
import static io.minxin.intake.TestEvents.returned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventValidator;
import io.minxin.events.problem.FieldViolation;
import io.minxin.intake.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class EventBatchReaderTest {
    private static final Instant NOW = Instant.parse("2024-09-03T00:00:00Z");
    private final EventBatchReader reader =
            new EventBatchReader(new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24)), 5, 32);

    @Test
    void readsOneEvent() {
        CaseEvent event = accepted("e1", "614418");

        IntakeBatch batch = reader.readEvent(bytes(json(event).toString()));

        assertThat(batch.valid()).isTrue();
        assertThat(batch.events()).containsExactly(event);
        assertThat(batch.labels()).containsExactly(new EventLabels("minxin.case.accepted", "PHONE", TestEvents.SOURCE));
    }

    @Test
    void readsTheSameEventsFromAnArrayAndFromNdjson() {
        List<CaseEvent> events = List.of(accepted("e1", "c1"), returned("e2", "c1"), login("e3", "u-07"));

        IntakeBatch fromArray = reader.readBatch(BatchFormat.JSON_ARRAY, bytes(TestEvents.array(events)), UTF8);
        IntakeBatch fromLines = reader.readBatch(
                BatchFormat.NDJSON, bytes(TestEvents.ndjson(events).replace("\n", "\r\n\n")), UTF8);

        assertThat(fromArray.events()).containsExactlyElementsOf(events);
        assertThat(fromLines.events()).containsExactlyElementsOf(events);
    }

    @Test
    void readsCsvRowsAsEvents() {
        String csv = "\uFEFFid,source,type,time,caseId,unitId,unitName,channel,title,occurredAt,reason\n"
                + "e1,/platform/p,minxin.case.accepted,2024-09-02T09:00:00+08:00,c1,u-01,区住建局,WEB,路灯不亮,"
                + "2024-09-02T09:00:00+08:00,\n"
                + "e2,/platform/p,minxin.case.returned,,c1,u-01,,,,2024-09-02T10:00:00+08:00,\"非我单位职责, 退回\"\n";

        IntakeBatch batch = reader.readBatch(BatchFormat.CSV, bytes(csv), UTF8);

        assertThat(batch.violations()).isEmpty();
        assertThat(batch.ids()).containsExactly("e1", "e2");
        assertThat(batch.events().get(1).data()).hasFieldOrPropertyWithValue("reason", "非我单位职责, 退回");
    }

    @Test
    void csvWithoutARequiredColumnNamesTheColumn() {
        String csv = "id,source,type,occurredAt,unitId,channel\n"
                + "e1,/platform/p,minxin.case.accepted,2024-09-02T09:00:00+08:00,u-01,PHONE\n";

        IntakeBatch batch = reader.readBatch(BatchFormat.CSV, bytes(csv), UTF8);

        assertThat(batch.valid()).isFalse();
        assertThat(batch.violations()).extracting(FieldViolation::field).containsExactly("csv.caseId");
    }

    @Test
    void malformedJsonNamesLineColumnAndItem() {
        String body = "[" + json(accepted("e1", "c1")) + ",\n {\"id\": \"e2\",, }]";

        IntakeBatch batch = reader.readBatch(BatchFormat.JSON_ARRAY, bytes(body), UTF8);

        assertThat(batch.violations()).singleElement().satisfies(v -> {
            assertThat(v.index()).isEqualTo(1);
            assertThat(v.field()).isEqualTo("body");
            assertThat(v.message()).startsWith("malformed JSON at line 2, column ");
        });
        assertThat(batch.labels()).containsExactly(EventLabels.UNREADABLE);
    }

    @Test
    void malformedNdjsonLinesAreReportedWithTheErrorsOfTheOtherLines() {
        ObjectNode noCaseId = json(accepted("e3", "c3"));
        ((ObjectNode) noCaseId.get("data")).remove("caseId");
        String body = json(accepted("e1", "c1")) + "\n{not json\n" + noCaseId + "\n";

        IntakeBatch batch = reader.readBatch(BatchFormat.NDJSON, bytes(body), UTF8);

        assertThat(batch.events()).isEmpty();
        assertThat(batch.violations())
                .extracting(FieldViolation::index, FieldViolation::id, FieldViolation::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, null, "body"),
                        org.assertj.core.groups.Tuple.tuple(2, "e3", "data.caseId"));
        assertThat(batch.violations().get(0).message()).startsWith("malformed JSON on line 2:");
        assertThat(batch.labels()).hasSize(3);
    }

    @Test
    void everyBadItemAndFieldIsListedAtOnce() {
        ObjectNode unknownType = json(accepted("e1", "c1")).put("type", "minxin.case.deleted");
        ObjectNode badTimes = json(returned("e2", "c1"));
        ((ObjectNode) badTimes.get("data")).put("occurredAt", "yesterday");
        badTimes.put("time", "2099-01-01T00:00:00Z");
        ObjectNode badEnum = json(accepted("e3", "c3"));
        ((ObjectNode) badEnum.get("data")).put("channel", "FAX");

        IntakeBatch batch = reader.readBatch(
                BatchFormat.JSON_ARRAY, bytes(TestEvents.array(List.of(unknownType, badTimes, badEnum))), UTF8);

        assertThat(batch.events()).isEmpty();
        assertThat(batch.violations())
                .extracting(FieldViolation::index, FieldViolation::field)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(0, "type"),
                        org.assertj.core.groups.Tuple.tuple(1, "time"),
                        org.assertj.core.groups.Tuple.tuple(1, "data.occurredAt"),
                        org.assertj.core.groups.Tuple.tuple(2, "data.channel"));
        assertThat(batch.labels())
                .extracting(EventLabels::type)
                .containsExactly("unknown", "minxin.case.returned", "minxin.case.accepted");
        assertThat(batch.labels()).extracting(EventLabels::channel).containsExactly("PHONE", "none", "none");
    }

    @Test
    void aHundredKibibyteStringIsRefusedByLength() {
        ObjectNode event = json(accepted("e1", "c1"));
        ((ObjectNode) event.get("data")).put("title", "长".repeat(100 * 1024));

        IntakeBatch batch = reader.readEvent(bytes(event.toString()));

        assertThat(batch.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("data.title");
            assertThat(v.message()).contains("102400 characters");
        });
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedBeforeItIsRead() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        String body = "[" + json(accepted("e1", "c1")) + "," + deep + "]";

        IntakeBatch batch = reader.readBatch(BatchFormat.JSON_ARRAY, bytes(body), UTF8);

        assertThat(batch.violations()).singleElement().satisfies(v -> {
            assertThat(v.index()).isEqualTo(1);
            assertThat(v.message()).contains("exceeds a parser limit").contains("nesting depth");
        });
    }

    @Test
    void duplicateFieldsAreRefused() {
        String body = json(accepted("e1", "c1")).toString().replaceFirst("\\{", "{\"id\":\"other\",");

        IntakeBatch batch = reader.readEvent(bytes(body));

        assertThat(batch.violations())
                .singleElement()
                .satisfies(v -> assertThat(v.message()).containsIgnoringCase("duplicate"));
    }

    @Test
    void moreEventsThanTheLimitIsTooLarge() {
        List<CaseEvent> six = TestEvents.logins(6);

        assertThatThrownBy(() -> reader.readBatch(BatchFormat.JSON_ARRAY, bytes(TestEvents.array(six)), UTF8))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("more than 5 events");
        assertThatThrownBy(() -> reader.readBatch(BatchFormat.NDJSON, bytes(TestEvents.ndjson(six)), UTF8))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThat(reader.readBatch(BatchFormat.JSON_ARRAY, bytes(TestEvents.array(six.subList(0, 5))), UTF8)
                        .valid())
                .isTrue();
    }

    @Test
    void emptyBodiesAndWrongShapesAreExplained() {
        assertThat(reader.readEvent(new byte[0]).violations())
                .extracting(FieldViolation::message)
                .containsExactly("the body is empty; expected one CloudEvent");
        assertThat(reader.readBatch(BatchFormat.JSON_ARRAY, bytes(" [ ] "), UTF8)
                        .violations())
                .extracting(FieldViolation::message)
                .containsExactly("the batch has no events");
        assertThat(reader.readBatch(BatchFormat.NDJSON, bytes("\n \n"), UTF8).violations())
                .extracting(FieldViolation::message)
                .containsExactly("the batch has no events");
        assertThat(reader.readEvent(bytes("[]")).violations())
                .extracting(FieldViolation::message)
                .allMatch(m -> m.contains("/api/v1/events/batch"));
        assertThat(reader.readBatch(
                                BatchFormat.JSON_ARRAY,
                                bytes(json(login("e1", "u1")).toString()),
                                UTF8)
                        .violations())
                .extracting(FieldViolation::message)
                .allMatch(m -> m.startsWith("expected a JSON array"));
        assertThat(reader.readBatch(BatchFormat.JSON_ARRAY, bytes("[] []"), UTF8)
                        .valid())
                .isFalse();
    }

    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
