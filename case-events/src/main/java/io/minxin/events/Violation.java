package io.minxin.events;

/**
 * One thing wrong with one item of the input.
 *
 * @param index position of the item in the batch (0 for a single event; -1 for the batch as a whole)
 * @param eventId the item's {@code id} when it had a readable one, else null
 * @param field the path of the field, e.g. {@code data.caseId}
 * @param message what is wrong, for a person
 */
public record Violation(int index, String eventId, String field, String message) {}
