package io.minxin.notice.audit;

import io.minxin.events.audit.AuditAction;
import io.minxin.events.problem.FieldViolation;
import io.minxin.servicekit.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The filters of {@code GET /api/v1/audit}, each optional: entries of one key id, one action, one target, at or after
 * {@code since}, before {@code until}, at most {@code limit} of them.
 */
record AuditQuery(String actor, String action, String target, Instant since, Instant until, int limit) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /**
     * Reads the parameters as given; every bad one is named at once.
     *
     * @throws ProblemException 400 with a violation per bad parameter
     */
    static AuditQuery parse(String actor, String action, String target, String since, String until, String limit) {
        List<FieldViolation> violations = new ArrayList<>();
        String checkedAction = blankToNull(action);
        if (checkedAction != null && AuditAction.fromWireName(checkedAction).isEmpty()) {
            violations.add(FieldViolation.of(
                    "action",
                    "unknown action '" + checkedAction + "'; one of "
                            + Arrays.stream(AuditAction.values())
                                    .map(AuditAction::wireName)
                                    .toList()));
        }
        Instant from = instant("since", since, violations);
        Instant to = instant("until", until, violations);
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add(FieldViolation.of("until", "must be after since"));
        }
        int checkedLimit = limit(limit, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("audit query", violations);
        }
        return new AuditQuery(blankToNull(actor), checkedAction, blankToNull(target), from, to, checkedLimit);
    }

    private static Instant instant(String name, String value, List<FieldViolation> violations) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(FieldViolation.of(
                    name, "must be an ISO-8601 time with an offset, e.g. 2020-10-01T00:00:00+08:00, was " + value));
            return null;
        }
    }

    private static int limit(String value, List<FieldViolation> violations) {
        if (blankToNull(value) == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // named below, with the range
        }
        violations.add(FieldViolation.of("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", was " + value));
        return DEFAULT_LIMIT;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
