package io.minxin.console.web;

import io.minxin.console.api.ApiFailure;
import java.util.List;

/**
 * Why the API refused what a form sent, for the form's row to show next to what was typed: a sentence for the
 * status (403: not yours to do, 409: too late or done already, else: fill in and retry), the API's own detail in
 * brackets, and its field violations.
 */
public record Refusal(String message, List<String> violations) {

    /** The sentences a page says for a 403, a 409 and anything else the API found wrong. */
    public record Sentences(String forbidden, String conflict, String otherwise) {}

    public static Refusal of(ApiFailure failure, Sentences sentences) {
        String message = switch (failure.status()) {
            case 403 -> sentences.forbidden();
            case 409 -> sentences.conflict();
            default -> sentences.otherwise();
        };
        return new Refusal(
                failure.detail() == null ? message : message + "（" + failure.detail() + "）", failure.violations());
    }

    /**
     * What the API said about one field of the form, for the page to show next to it: the messages of the violations
     * naming {@code field}, a part of it ({@code weights.satisfactionRate}) or an item of it ({@code rates[0]}).
     */
    public List<String> about(String field) {
        return violations.stream()
                .filter(violation -> {
                    String named = fieldOf(violation);
                    return named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[");
                })
                .toList();
    }

    /** The violations about none of {@code fields}: what the form cannot show next to a field of its own. */
    public List<String> apartFrom(List<String> fields) {
        return violations.stream()
                .filter(violation ->
                        fields.stream().noneMatch(field -> about(field).contains(violation)))
                .toList();
    }

    private static String fieldOf(String violation) {
        int colon = violation.indexOf(": ");
        return colon < 0 ? "" : violation.substring(0, colon);
    }

    /** A refusal the page can show in place: the API said no for a reason (not: it could not answer). */
    public static boolean isRefusal(Throwable failure) {
        return failure instanceof ApiFailure api && !api.unavailable();
    }
}
