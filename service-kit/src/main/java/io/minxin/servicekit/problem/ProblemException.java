package io.minxin.servicekit.problem;

import io.minxin.events.problem.FieldViolation;
import io.minxin.events.problem.ProblemType;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A request a service refuses, answered as RFC 9457 problem JSON by {@link ProblemAdviceSupport}. */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    /** Null: {@code about:blank}, the status phrase as title. */
    private final transient ProblemType type;

    private final transient List<FieldViolation> violations;

    public ProblemException(HttpStatus status, ProblemType type, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    /** Bad input: every bad field under {@code violations}; {@code what} names the input, e.g. "ranking policy". */
    public static ProblemException invalid(String what, List<FieldViolation> violations) {
        String detail = violations.size() == 1
                ? "1 field of the " + what + " is invalid"
                : violations.size() + " fields of the " + what + " are invalid";
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, detail, violations);
    }

    /** One bad parameter. */
    public static ProblemException invalid(String field, String message) {
        return invalid("request", List.of(FieldViolation.of(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, null, detail, List.of());
    }

    /** 503: the event log (Kafka) did not take what the request had to record; nothing was changed. */
    public static ProblemException eventLogUnavailable(String detail) {
        return new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE, ProblemType.EVENT_LOG_UNAVAILABLE, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
