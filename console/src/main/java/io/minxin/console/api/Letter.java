package io.minxin.console.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A 提示函 as notice-service shows it ({@code GET /api/v1/letters}).
 *
 * @param period the month of the missed days, {@code YYYY-MM}
 * @param status ISSUED or ACKNOWLEDGED
 * @param acknowledgement who acknowledged it and when, null while not
 */
public record Letter(
        String unitId,
        String unitName,
        String period,
        String documentNumber,
        LocalDate issueDate,
        List<LocalDate> missedDays,
        String status,
        Acknowledgement acknowledgement) {

    public Letter {
        missedDays = missedDays == null ? List.of() : List.copyOf(missedDays);
    }

    /** The unit's acknowledgement. */
    public record Acknowledgement(String by, Instant at, String reply) {}

    public boolean acknowledged() {
        return acknowledgement != null || "ACKNOWLEDGED".equals(status);
    }
}
