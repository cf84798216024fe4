package io.minxin.notice.letters;

import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.notice.Notice;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What one 提示函 says, read from its {@code DUTY_LETTER} notice (which the duty check raised once, from the
 * facts of the month): nothing here is stored twice, so the letter renders the same after a replay.
 *
 * @param noticeId the notice, e.g. {@code duty-letter|xlt-zhenxing|2020-09}
 * @param unitId the addressee
 * @param unitName its name (the id when the check knew no name)
 * @param month the month of the missed days
 * @param missedDays the working days missed up to the one that raised the letter
 * @param checkTime the time a unit must have logged in by, e.g. 16:00
 * @param issueDate the day the letter was raised (the last missed day): its 成文日期
 */
record DutyLetter(
        String noticeId,
        String unitId,
        String unitName,
        YearMonth month,
        List<LocalDate> missedDays,
        String checkTime,
        LocalDate issueDate) {

    static DutyLetter of(Notice notice) {
        Object days = notice.facts().get("missedDays");
        List<LocalDate> missed = days instanceof List<?> list
                ? list.stream().map(day -> LocalDate.parse(day.toString())).toList()
                : List.of();
        Object month = notice.facts().getOrDefault("month", notice.period());
        return new DutyLetter(
                notice.id(),
                notice.unitId(),
                notice.unitName() == null ? notice.unitId() : notice.unitName(),
                YearMonth.parse(month.toString()),
                missed,
                String.valueOf(notice.facts().getOrDefault("checkTime", "16:00")),
                LocalDate.ofInstant(notice.occurredAt(), WorkingCalendar.ZONE));
    }

    /** The days a month may miss without a letter: the letter comes with the first day beyond them. */
    int toleratedDays() {
        return Math.max(0, missedDays.size() - 1);
    }
}
