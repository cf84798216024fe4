package io.minxin.notice.letters;

import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.notice.bulletin.BulletinProperties;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

/** 提示函 notices as the duty check raises them (its 4th missed day of September 2020, 16:00). */
final class LetterFixture {
    static final YearMonth SEPTEMBER = YearMonth.of(2020, 9);
    static final String ZHENXING = "xlt-zhenxing";
    static final String ZHENXING_NAME = "盘锦市兴隆台区振兴街道办事处";
    static final String HUIBIN = "xlt-huibin";
    static final String HUIBIN_NAME = "盘锦市兴隆台区惠宾街道办事处";
    static final List<LocalDate> MISSED = List.of(
            LocalDate.of(2020, 9, 3), LocalDate.of(2020, 9, 8), LocalDate.of(2020, 9, 10), LocalDate.of(2020, 9, 14));

    private LetterFixture() {}

    static Notice letter(String unitId, String unitName, List<LocalDate> days) {
        LocalDate last = days.get(days.size() - 1);
        return Notice.builder(
                        NoticeType.DUTY_LETTER,
                        NoticeType.DUTY_LETTER.id(unitId, YearMonth.from(last)),
                        last.atTime(LocalTime.of(16, 0))
                                .atZone(WorkingCalendar.ZONE)
                                .toInstant())
                .period(YearMonth.from(last).toString())
                .unit(unitId, unitName)
                .title("提示函：" + unitName)
                .text("经统计，贵单位…")
                .fact("month", YearMonth.from(last).toString())
                .fact("missedDays", days.stream().map(LocalDate::toString).toList())
                .fact("checkTime", "16:00")
                .build();
    }

    static LetterComposer composer() {
        return new LetterComposer(BulletinProperties.Issuer.reference(), new LetterSettings("兴隆营商提示", List.of()));
    }
}
