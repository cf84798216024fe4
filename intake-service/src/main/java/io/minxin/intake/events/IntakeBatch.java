package io.minxin.intake.events;

import io.minxin.events.CaseEvent;
import io.minxin.events.problem.FieldViolation;
import java.util.List;

/**
 * A request body read and checked: either every item became an event, or the violations say what is wrong
 * with which item and field, and nothing may be published.
 *
 * @param events the events, in body order; empty when there are violations
 * @param violations every problem found, per item and field
 * @param labels one per item read (a single {@link EventLabels#UNREADABLE} when the body had no readable items)
 */
record IntakeBatch(List<CaseEvent> events, List<FieldViolation> violations, List<EventLabels> labels) {
    IntakeBatch {
        events = List.copyOf(events);
        violations = List.copyOf(violations);
        labels = List.copyOf(labels);
    }

    static IntakeBatch unreadable(FieldViolation violation) {
        return new IntakeBatch(List.of(), List.of(violation), List.of(EventLabels.UNREADABLE));
    }

    boolean valid() {
        return violations.isEmpty();
    }

    List<String> ids() {
        return events.stream().map(CaseEvent::id).toList();
    }
}
