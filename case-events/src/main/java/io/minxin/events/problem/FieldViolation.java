package io.minxin.events.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * One thing wrong with the input, as listed in the {@code violations} of a problem response of every service.
 *
 * @param index position of the item in a batch, null when the violation does not concern one item (a query
 *     parameter, a policy field, the batch as a whole); 0 for a single event
 * @param id the item's {@code id} when it had a readable one, else null
 * @param field the path of the field, e.g. {@code data.caseId}, {@code weights.completionRate}, {@code period}
 * @param message what is wrong, for a person
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(Integer index, String id, String field, String message) {

    /** A bad field of a request: a parameter or a field of the body. */
    public static FieldViolation of(String field, String message) {
        return new FieldViolation(null, null, field, message);
    }

    /** A bad field of item {@code index} of a batch, {@code id} the item's id (or null). */
    public static FieldViolation ofItem(int index, String id, String field, String message) {
        return new FieldViolation(index, id, field, message);
    }

    /** A parameter whose text could not be read as {@code type}, e.g. {@code channel=FAX}. */
    public static FieldViolation ofValue(String field, Class<?> type) {
        return of(field, "must be " + expected(type));
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + String.join(
                            ", ",
                            Arrays.stream(type.getEnumConstants())
                                    .map(constant -> ((Enum<?>) constant).name())
                                    .toList());
        }
        if (type == LocalDate.class) {
            return "a date YYYY-MM-DD, e.g. 2020-09-30";
        }
        if (type == YearMonth.class) {
            return "a period YYYY-MM, e.g. 2020-09";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }
}
