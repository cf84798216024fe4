package io.minxin.events.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem document as the services write it outside their controllers (web filters, the gateway's
 * own answers); controllers answer the same members through Spring's {@code ProblemDetail}.
 *
 * @param type {@link ProblemType#ABOUT_BLANK} or {@code urn:minxin:problem:<slug>}
 * @param title the status phrase (about:blank) or the type's title
 * @param instance the path of the request
 * @param violations every bad field of bad input; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
public record Problem(
        String type, String title, int status, String detail, String instance, List<FieldViolation> violations) {

    /** A problem that says no more than its status: {@code about:blank}, the status phrase as title. */
    public static Problem aboutBlank(int status, String statusPhrase, String detail, String instance) {
        return new Problem(ProblemType.ABOUT_BLANK, statusPhrase, status, detail, instance, null);
    }

    /** A problem of one of the {@link ProblemType}s; {@code violations} empty for none. */
    public static Problem of(
            ProblemType type, int status, String detail, String instance, List<FieldViolation> violations) {
        return new Problem(
                type.uri().toString(),
                type.title(),
                status,
                detail,
                instance,
                violations.isEmpty() ? null : List.copyOf(violations));
    }
}
