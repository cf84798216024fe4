package io.minxin.events.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A 提示函 as notice-service answers it ({@code GET /api/v1/letters}, one letter, and the answer to its
 * acknowledgement), which the console reads.
 *
 * @param noticeId the {@code DUTY_LETTER} notice that raised it
 * @param period the month of the missed days, {@code YYYY-MM}
 * @param documentNumber 文号 as printed
 * @param missedDays the duty days missed that month, oldest first
 * @param acknowledgement who acknowledged it, when and with what reply; null while not
 * @param html where the letter is as a printable page
 * @param docx where the letter is as a Word document
 */
public record Letter(
        String noticeId,
        String unitId,
        String unitName,
        String period,
        String documentNumber,
        LocalDate issueDate,
        List<LocalDate> missedDays,
        Status status,
        Acknowledgement acknowledgement,
        String html,
        String docx) {

    public Letter {
        missedDays = missedDays == null ? List.of() : List.copyOf(missedDays);
    }

    /** Where a letter stands. */
    public enum Status {
        /** Raised and sent; the unit has not acknowledged it. */
        ISSUED,
        ACKNOWLEDGED
    }

    /**
     * The unit's acknowledgement: a {@code LetterAcknowledged} decision.
     *
     * @param by the key or account that acknowledged it
     * @param reply the unit's reply, empty when none
     */
    public record Acknowledgement(String decisionId, String unitId, String by, Instant at, String reply) {}

    public boolean acknowledged() {
        return status == Status.ACKNOWLEDGED || acknowledgement != null;
    }
}
