package io.minxin.ranking.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the service refuses, answered as RFC 9457 problem JSON. */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String title;
    private final transient List<FieldViolation> violations;

    public ProblemException(HttpStatus status, String title, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException invalid(String title, List<FieldViolation> violations) {
        String detail = violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid";
        return new ProblemException(HttpStatus.BAD_REQUEST, title, detail, violations);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid("Invalid request", List.of(new FieldViolation(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
