package io.minxin.archive;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventFormatException;
import io.minxin.events.EventJson;
import io.minxin.events.EventType;
import io.minxin.events.state.AssessmentPeriod;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Which records belong to a period, by the rules the services count by (design section 5).
 *
 * <ul>
 *   <li>{@code case-events}: every record of a case whose <em>first</em> acceptance ({@code occurredAt}) falls in
 *       the period under the cut-off day, whatever its other events' times (conclusions and visits come later, and
 *       the fold depends on the set of a case's events). Chosen by record key, the caseId, so a record of the case
 *       that does not read is kept too: replayed, it goes where it went the first time. The first pass
 *       ({@link #noteCaseEvent}) finds the first acceptances, the second ({@link #caseInPeriod}) picks the records.
 *   <li>{@code unit-activity}: the log-ins whose local date is in the period, and every unit directory
 *       registration made before the period's end (the directory that held during the period).
 *   <li>{@code decisions}: the decisions whose {@code period} is the period.
 * </ul>
 */
final class PeriodFilter {
    private final AssessmentPeriod calendar;
    private final YearMonth period;
    private final Map<String, Instant> firstAcceptance = new HashMap<>();

    PeriodFilter(AssessmentPeriod calendar, YearMonth period) {
        this.calendar = calendar;
        this.period = period;
    }

    /** First pass over {@code case-events}: remembers the earliest acceptance of the case {@code caseId}. */
    void noteCaseEvent(String caseId, byte[] value) {
        CaseEvent event = event(value);
        if (caseId == null || event == null || event.type() != EventType.CASE_ACCEPTED) {
            return;
        }
        firstAcceptance.merge(caseId, event.occurredAt(), (a, b) -> a.isBefore(b) ? a : b);
    }

    /** Second pass: whether the records of {@code caseId} belong to the period. */
    boolean caseInPeriod(String caseId) {
        Instant accepted = caseId == null ? null : firstAcceptance.get(caseId);
        return accepted != null && calendar.periodOf(accepted).equals(period);
    }

    /** Number of cases of the period, after the first pass. */
    long casesInPeriod() {
        return firstAcceptance.values().stream()
                .filter(accepted -> calendar.periodOf(accepted).equals(period))
                .count();
    }

    boolean unitActivityInPeriod(byte[] value) {
        CaseEvent event = event(value);
        if (event == null) {
            return false;
        }
        return switch (event.type()) {
            case UNIT_LOGIN -> calendar.periodOf(event.occurredAt()).equals(period);
            case UNIT_REGISTERED -> event.occurredAt().isBefore(calendar.end(period));
            default -> false;
        };
    }

    /** By the decision's {@code period} alone, so that a decision of a kind newer than this contract is kept too. */
    boolean decisionInPeriod(byte[] value) {
        try {
            JsonNode decision = EventJson.mapper().readTree(value);
            return period.toString().equals(decision.path("period").asString(null));
        } catch (JacksonException e) {
            return false;
        }
    }

    private static CaseEvent event(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            CaseEvent event = EventJson.fromBytes(value);
            return event.occurredAt() == null ? null : event;
        } catch (EventFormatException e) {
            return null;
        }
    }
}
