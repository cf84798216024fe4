package io.minxin.intake.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventData;
import io.minxin.events.EventValidator;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.UnitLogin;
import io.minxin.events.Visited;
import io.minxin.intake.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EventBatchReaderProperties {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final int MAX_EVENTS = 50;
    private final EventBatchReader reader = new EventBatchReader(
            new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24)), MAX_EVENTS, 32);

    @Property(tries = 200)
    void anArrayAndNdjsonOfValidEventsReadBackAsTheSameEvents(@ForAll("events") List<CaseEvent> events) {
        IntakeBatch fromArray = reader.readBatch(BatchFormat.JSON_ARRAY, utf8(TestEvents.array(events)), UTF8);
        IntakeBatch fromLines = reader.readBatch(BatchFormat.NDJSON, utf8(TestEvents.ndjson(events)), UTF8);

        assertThat(fromArray.violations()).isEmpty();
        assertThat(fromArray.events()).containsExactlyElementsOf(events);
        assertThat(fromLines.events()).containsExactlyElementsOf(events);
        assertThat(fromArray.labels()).hasSize(events.size());
    }

    @Property(tries = 300)
    void anyBodyGivesEventsOrViolationsButNeverBoth(@ForAll String body, @ForAll BatchFormat format) {
        IntakeBatch batch;
        try {
            batch = reader.readBatch(format, utf8(body), UTF8);
        } catch (PayloadTooLargeException tooMany) {
            return;
        }

        assertThat(batch.valid()).isEqualTo(batch.violations().isEmpty());
        assertThat(batch.events().isEmpty() || batch.violations().isEmpty()).isTrue();
        assertThat(batch.events().isEmpty() && batch.violations().isEmpty()).isFalse();
        assertThat(batch.labels()).isNotEmpty();
    }

    @Provide
    Arbitrary<List<CaseEvent>> events() {
        Arbitrary<String> ids =
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange(' ', '\u9fff')
                .withChars('\n', '\t', '"', '\\')
                .ofMaxLength(60);
        Arbitrary<Instant> times = Arbitraries.longs()
                .between(Instant.parse("2000-01-01T00:00:00Z").toEpochMilli(), NOW.toEpochMilli())
                .map(Instant::ofEpochMilli);
        Arbitrary<EventData> data = Arbitraries.oneOf(
                Combinators.combine(ids, ids, text, Arbitraries.of(Channel.class), text, times)
                        .as((caseId, unit, name, channel, title, at) -> new Accepted(
                                caseId, unit, name, channel, title, null, at, at.plusSeconds(86400), null)),
                Combinators.combine(ids, ids, text.filter(t -> !t.isBlank()), times)
                        .as(Returned::new),
                Combinators.combine(ids, ids, text, times).as(Concluded::new),
                Combinators.combine(ids, ids, Arbitraries.of(Satisfaction.class), Arbitraries.of(true, false), times)
                        .as(Visited::new),
                Combinators.combine(ids, times).as(UnitLogin::new));
        Arbitrary<CaseEvent> event = Combinators.combine(ids, data).as((id, d) -> CaseEvent.of(id, "/platform/p", d));
        return event.list().ofMinSize(1).ofMaxSize(MAX_EVENTS);
    }

    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
