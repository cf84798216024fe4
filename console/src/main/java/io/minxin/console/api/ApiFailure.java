package io.minxin.console.api;

import io.minxin.events.EventJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An API call that did not answer what the page needs: refused (403), nothing there (404), a request the API found
 * wrong (400, 409, 422: {@link #detail} and {@link #violations} say why), or no answer at all (5xx, timeout,
 * connection refused: status 503 here).
 *
 * @param status the API's HTTP status, or 503 when it gave none
 * @param detail the problem's {@code detail}, if it sent one
 * @param violations each {@code violations}/{@code errors} entry as {@code field: message}
 */
public final class ApiFailure extends RuntimeException {
    private final int status;
    private final String detail;
    private final List<String> violations;

    ApiFailure(int status, String detail, List<String> violations, Throwable cause) {
        super("API answered " + status + (detail == null ? "" : ": " + detail), cause);
        this.status = status;
        this.detail = detail;
        this.violations = List.copyOf(violations);
    }

    /** From an error answer; its body is read as problem JSON when it is one. */
    static ApiFailure of(int status, String body) {
        String detail = null;
        List<String> violations = new ArrayList<>();
        if (body != null && body.strip().startsWith("{")) {
            try {
                JsonNode problem = EventJson.mapper().readTree(body);
                detail = problem.path("detail").asString(null);
                for (String list : List.of("violations", "errors")) {
                    for (JsonNode violation : problem.path(list)) {
                        String field = violation.path("field").asString("");
                        String message = violation.path("message").asString(violation.asString(""));
                        violations.add(field.isEmpty() ? message : field + ": " + message);
                    }
                }
            } catch (JacksonException unreadable) {
                // not problem JSON: the status says enough
            }
        }
        return new ApiFailure(status, detail, violations, null);
    }

    /** A form the console did not send on: what the API would have refused, said before asking it. */
    public static ApiFailure invalid(String field, String message) {
        return new ApiFailure(400, null, List.of(field + ": " + message), null);
    }

    static ApiFailure unavailable(Throwable cause) {
        return new ApiFailure(503, null, List.of(), cause);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<String> violations() {
        return violations;
    }

    public boolean forbidden() {
        return status == 403;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** The API could not answer (5xx, timeout, unreachable): trying again later may help. */
    public boolean unavailable() {
        return status >= 500;
    }

    /** Matches a not-found failure, for {@code onErrorResume(ApiFailure::isNotFound, …)}. */
    public static boolean isNotFound(Throwable failure) {
        return failure instanceof ApiFailure api && api.notFound();
    }
}
