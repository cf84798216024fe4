package io.minxin.metrics.query;

import io.minxin.events.problem.FieldViolation;

/** A query parameter the read API cannot answer, e.g. {@code sort=bogus}; answered 400 naming the parameter. */
public class InvalidQuery extends IllegalArgumentException {
    private final transient FieldViolation violation;

    public InvalidQuery(String parameter, String message) {
        super(parameter + " " + message);
        this.violation = FieldViolation.of(parameter, message);
    }

    public FieldViolation violation() {
        return violation;
    }
}
