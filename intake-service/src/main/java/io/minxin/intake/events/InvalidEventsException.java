package io.minxin.intake.events;

import io.minxin.events.problem.FieldViolation;
import java.util.List;

/** The body had bad items; the violations list every one of them. Nothing was published. */
class InvalidEventsException extends RuntimeException {
    private final transient IntakeBatch batch;

    InvalidEventsException(IntakeBatch batch) {
        super(batch.violations().size() + " violation(s)");
        this.batch = batch;
    }

    List<FieldViolation> violations() {
        return batch.violations();
    }

    int items() {
        return batch.labels().size();
    }
}
