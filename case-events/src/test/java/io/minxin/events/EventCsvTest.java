package io.minxin.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.problem.FieldViolation;
import org.junit.jupiter.api.Test;

class EventCsvTest {
    @Test
    void rowsBecomeEventsTheValidatorAccepts() {
        String csv = "id,source,type,caseId,unitId,channel,occurredAt,satisfaction,excellent\n"
                + "e1,/p,minxin.case.accepted,614418,u1,WEB,2020-09-01T09:00:00+08:00,,\n"
                + "e2,/p,minxin.case.visited,614418,,,2020-09-03T09:00:00+08:00,SATISFIED,true\n";

        EventCsv.Rows rows = EventCsv.read(csv);
        EventValidator.Result result = new EventValidator().validate(rows.items());

        assertThat(rows.violations()).isEmpty();
        assertThat(result.violations()).isEmpty();
        assertThat(result.events())
                .extracting(CaseEvent::type)
                .containsExactly(EventType.CASE_ACCEPTED, EventType.CASE_VISITED);
        assertThat(((Visited) result.events().get(1).data()).excellent()).isTrue();
    }

    @Test
    void missingColumnIsNamed() {
        String csv = "id,source,type,unitId,occurredAt\n" + "e1,/p,minxin.case.returned,u1,2020-09-01T09:00:00+08:00\n";

        EventCsv.Rows rows = EventCsv.read(csv);

        assertThat(rows.items()).isEmpty();
        assertThat(rows.violations())
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("csv.caseId", "csv.reason");
    }
}
