package io.minxin.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.Accepted;
import io.minxin.events.CaseData;
import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.events.EventValidator;
import io.minxin.events.Returned;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoStreamTest {
    private static final long COUNT = 100_000;

    @Test
    void streamOf100000EventsIsDeterministic() {
        String first = digest(DemoStream.events(8890, COUNT).iterator());
        String second = digest(DemoStream.events(8890, COUNT).iterator());
        String otherSeed = digest(DemoStream.events(8891, 10_000).iterator());

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(DemoStream.events(8890, COUNT).count()).isEqualTo(COUNT);
    }

    @Test
    void eventsAreCaseShapedWithUniqueIdsAndCaseTimesInOrder() {
        Set<String> ids = new HashSet<>();
        Map<String, Instant> lastTimeOfCase = new HashMap<>();
        Set<String> units = new HashSet<>();
        long bytes = 0;
        long returns = 0;
        for (Iterator<CaseEvent> it = DemoStream.iterator(3, COUNT, 1000); it.hasNext(); ) {
            CaseEvent e = it.next();
            assertThat(ids.add(e.dedupeKey())).isTrue();
            assertThat(e.data()).isInstanceOf(CaseData.class);
            String caseId = ((CaseData) e.data()).caseId();
            Instant previous = lastTimeOfCase.put(caseId, e.occurredAt());
            if (previous == null) {
                assertThat(e.data()).isInstanceOf(Accepted.class);
            } else {
                assertThat(e.occurredAt()).isAfter(previous);
            }
            if (e.data() instanceof Accepted) {
                units.add(((Accepted) e.data()).unitId());
            }
            returns += e.data() instanceof Returned ? 1 : 0;
            bytes += EventJson.toBytes(e).length;
        }

        double eventsPerCase = (double) COUNT / lastTimeOfCase.size();
        assertThat(eventsPerCase).isBetween(3.0, 4.0);
        assertThat(bytes / COUNT).isBetween(250L, 450L);
        assertThat(units).hasSize(1000);
        assertThat(returns).isPositive();
    }

    @Test
    void eventsPassTheValidator() {
        EventValidator validator = new EventValidator(
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                EventValidator.DEFAULT_MAX_CLOCK_SKEW);
        List<CaseEvent> events = DemoStream.events(5, 5_000).toList();

        EventValidator.Result result =
                validator.validate(events.stream().map(EventJson::toNode).toList());

        assertThat(result.violations()).isEmpty();
        assertThat(result.events()).isEqualTo(events);
    }

    @Test
    void iteratorStopsAtTheCount() {
        Iterator<CaseEvent> it = DemoStream.iterator(1, 2, 28);
        it.next();
        it.next();

        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThat(DemoStream.events(1, 0).count()).isZero();
    }

    @Test
    void unitsBeyondTheDemoDistrictAreNumbered() {
        assertThat(DemoStream.unit(0)).isEqualTo(DemoUnit.GONGXIN);
        assertThat(DemoStream.unit(28).unitId()).isEqualTo("unit-00029");
        assertThatThrownBy(() -> DemoStream.iterator(1, 10, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String digest(Iterator<CaseEvent> events) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            while (events.hasNext()) {
                sha.update(EventJson.toJson(events.next()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
