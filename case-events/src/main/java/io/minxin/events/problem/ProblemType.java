package io.minxin.events.problem;

import java.net.URI;

/**
 * The {@code type} of the RFC 9457 problems the Minxin services answer, each {@code urn:minxin:problem:<slug>}
 * with its {@code title}. A problem that needs no more than its status is {@code about:blank} with the status
 * phrase as title. Bad input lists every bad field under {@value #VIOLATIONS} ({@link FieldViolation}).
 */
public enum ProblemType {
    /** A parameter or the body is not acceptable; {@code violations} names every bad field. */
    INVALID_REQUEST("invalid-request", "Invalid request"),
    /** Events refused by intake: {@code violations} names every bad item (index, id) and field; none published. */
    INVALID_EVENTS("invalid-events", "Invalid events"),
    /** The unit, period, case, policy, subscription or key asked for does not exist. */
    NOT_FOUND("not-found", "Not found"),
    /** The body is over a size limit; nothing of it was published. */
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large"),
    /** Kafka did not acknowledge in time; repeating the request with the same ids is safe. */
    EVENT_LOG_UNAVAILABLE("event-log-unavailable", "Event log unavailable"),
    /** Anything unforeseen; the service's log has the details. */
    INTERNAL_ERROR("internal-error", "Internal error");

    public static final String PREFIX = "urn:minxin:problem:";
    /** The type of a problem that says no more than its status. */
    public static final String ABOUT_BLANK = "about:blank";
    /** The one extension member: the list of {@link FieldViolation}s of bad input. */
    public static final String VIOLATIONS = "violations";
    /** The content type of every problem answer. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /**
     * The problem answers as each service's OpenAPI document describes them, once: every operation's 4XX and 5XX
     * answer is a {@link Problem} (component schema {@code Problem}).
     */
    public static final String DOCUMENTATION = "RFC 9457 problem, application/problem+json. type: about:blank (title:"
            + " the status phrase) or urn:minxin:problem:<slug> (invalid-request, invalid-events, not-found,"
            + " payload-too-large, event-log-unavailable, internal-error); instance: the path. Bad input lists every"
            + " bad field in violations [{field, message}, plus index and id for an item of a batch]; an unknown unit,"
            + " period, case or id answers 404 not-found.";

    private final String slug;
    private final String title;

    ProblemType(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** {@code urn:minxin:problem:<slug>}. */
    public URI uri() {
        return URI.create(PREFIX + slug);
    }
}
