package io.minxin.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.problem.FieldViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventValidatorTest {
    private final EventValidator validator = new EventValidator(
            Clock.fixed(Instant.parse("2020-10-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofHours(24));

    private static JsonNode json(String text) {
        return EventJson.mapper().readTree(text.replace('\'', '"'));
    }

    private static final String ACCEPTED = "{'specversion':'1.0','id':'e1','source':'/p','type':'minxin.case.accepted',"
            + "'time':'2020-09-01T09:00:00+08:00','data':{'caseId':'614418','unitId':'u1','channel':'PHONE',"
            + "'occurredAt':'2020-09-01T09:00:00+08:00'}}";

    @Test
    void validAcceptedBecomesAnEvent() {
        EventValidator.Result result = validator.validate(json(ACCEPTED));

        assertThat(result.violations()).isEmpty();
        CaseEvent event = result.events().get(0);
        assertThat(event.key()).isEqualTo("614418");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2020-09-01T01:00:00Z"));
    }

    @Test
    void reportsEveryBadFieldOfEveryItemAtOnce() {
        JsonNode bad1 = json("{'specversion':'1.0','id':'e2','source':'/p','type':'minxin.case.returned',"
                + "'data':{'unitId':'u1','occurredAt':'yesterday'}}");
        JsonNode bad2 = json(
                "{'specversion':'1.0','id':'e3','source':'/p','type':'minxin.case.visited',"
                        + "'data':{'caseId':'1','satisfaction':'HAPPY','excellent':'yes','occurredAt':'2030-01-01T00:00:00Z'}}");

        EventValidator.Result result = validator.validate(List.of(json(ACCEPTED), bad1, bad2));

        assertThat(result.valid()).isFalse();
        assertThat(result.events()).isEmpty();
        assertThat(result.violations())
                .extracting(FieldViolation::index, FieldViolation::id, FieldViolation::field)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(1, "e2", "data.occurredAt"),
                        org.assertj.core.groups.Tuple.tuple(1, "e2", "data.caseId"),
                        org.assertj.core.groups.Tuple.tuple(1, "e2", "data.reason"),
                        org.assertj.core.groups.Tuple.tuple(2, "e3", "data.occurredAt"),
                        org.assertj.core.groups.Tuple.tuple(2, "e3", "data.satisfaction"),
                        org.assertj.core.groups.Tuple.tuple(2, "e3", "data.excellent"));
    }

    @Test
    void unknownTypeNamesTheKnownOnes() {
        JsonNode item = json(ACCEPTED.replace("minxin.case.accepted", "minxin.case.deleted"));

        FieldViolation violation = validator.validate(item).violations().get(0);

        assertThat(violation.field()).isEqualTo("type");
        assertThat(violation.message()).contains("minxin.case.deleted", "minxin.case.accepted");
    }

    @Test
    void timestampWithoutOffsetIsRefused() {
        JsonNode item = json(
                ACCEPTED.replace("'occurredAt':'2020-09-01T09:00:00+08:00'", "'occurredAt':'2020-09-01T09:00:00'"));

        assertThat(validator.validate(item).violations())
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("data.occurredAt"));
    }

    @Test
    void hugeTextIsRefusedWithItsLength() {
        String title = "x".repeat(100 * 1024);
        JsonNode item = json(ACCEPTED.replace("'channel':'PHONE'", "'channel':'PHONE','title':'" + title + "'"));

        FieldViolation violation = validator.validate(item).violations().get(0);

        assertThat(violation.field()).isEqualTo("data.title");
        assertThat(violation.message()).contains("102400");
    }

    @Test
    void nonObjectItemIsNamedByIndex() {
        EventValidator.Result result = validator.validate(List.of(json(ACCEPTED), json("[1,2]")));

        assertThat(result.violations())
                .singleElement()
                .satisfies(v -> assertThat(v.index()).isEqualTo(1));
    }

    @Test
    void wrongSpecVersionAndMissingDataAreBothReported() {
        JsonNode item = json("{'specversion':'0.3','id':'e9','source':'/p','type':'minxin.unit.login'}");

        assertThat(validator.validate(item).violations())
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("specversion", "data");
    }
}
