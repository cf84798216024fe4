package io.minxin.ranking.web;

/**
 * One bad field of a request, as listed in the {@code violations} of a problem response.
 *
 * @param field path of the field, e.g. {@code weights.COMPLETON} or {@code scoreView.bonuses[0].points}
 * @param message what is wrong, for a person
 */
public record FieldViolation(String field, String message) {}
